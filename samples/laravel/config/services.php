<?php

return [
    // The API's address from the service-discovery variables Aspire injects (the resource references the ApiService),
    // and the service key the AppHost gives this app.
    'polarflow' => [
        'url' => env('services__apiservice__http__0', env('POLARFLOW_URL', 'http://localhost:8000')),
        'key' => env('POLARFLOW_API_KEY'),
    ],
];
