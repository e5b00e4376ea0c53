<?php

/**
 * PolarFlow's PostgreSQL, shared: the AppHost gives SaaS mode's Laravel the same connection as PolarFlow
 * (`ConnectionStrings__polarflow`, Npgsql keywords, or a postgresql:// URL as DATABASE_URL). Laravel's tables live in
 * their own schema, `laravel`; PolarFlow's stay in `polarflow`, and Laravel never reads them: it asks the API.
 */
$keywords = [];
foreach (explode(';', (string) env('ConnectionStrings__polarflow', '')) as $pair) {
    if (str_contains($pair, '=')) {
        [$name, $value] = explode('=', $pair, 2);
        $keywords[strtolower(trim($name))] = trim($value);
    }
}

return [
    'default' => 'pgsql',
    'connections' => [
        'pgsql' => [
            'driver' => 'pgsql',
            'url' => env('DATABASE_URL'),
            'host' => $keywords['host'] ?? $keywords['server'] ?? '127.0.0.1',
            'port' => $keywords['port'] ?? '5432',
            'database' => $keywords['database'] ?? 'polarflow',
            'username' => $keywords['username'] ?? $keywords['user id'] ?? $keywords['user'] ?? 'postgres',
            'password' => $keywords['password'] ?? '',
            'charset' => 'utf8',
            'prefix' => '',
            'schema' => 'laravel',
            'sslmode' => strtolower($keywords['ssl mode'] ?? $keywords['sslmode'] ?? 'prefer'),
        ],
    ],
    'migrations' => 'migrations',
];
