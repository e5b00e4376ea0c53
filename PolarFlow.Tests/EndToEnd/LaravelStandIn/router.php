<?php
// A stand-in for a Laravel app (php -S ... router.php): it reads PolarFlow's address from the service-discovery
// variables Aspire injects and fetches a user's sleep with the key it was given, as a Laravel controller would.
$base = rtrim(getenv('services__apiservice__http__0') ?: (getenv('APISERVICE_HTTP') ?: ''), '/');
$key = getenv('POLARFLOW_API_KEY') ?: '';
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);

if ($path === '/health') {
    echo 'ok';
    return true;
}
if ($path === '/sleep') {
    $user = $_GET['user'] ?? '';
    $context = stream_context_create(['http' => ['header' => "X-API-Key: $key\r\nAccept: application/json\r\n", 'ignore_errors' => true]]);
    $body = @file_get_contents("$base/api/v1/users/" . rawurlencode($user) . '/sleep?days=30', false, $context);
    header('Content-Type: application/json');
    echo json_encode(['discovered' => $base, 'status' => $http_response_header[0] ?? 'no answer', 'sleep' => json_decode($body ?: 'null', true)]);
    return true;
}
http_response_code(404);
echo 'not found';
return true;
