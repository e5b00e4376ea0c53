<?php

// Laravel and Guzzle come from Debian's packages (php-laravel-framework, php-guzzlehttp-guzzle) on PHP's
// include path, not from Composer; the app's own classes load from app/ by their namespace.
require_once 'Illuminate/autoload.php';
require_once 'GuzzleHttp/autoload.php';

spl_autoload_register(function (string $class): void {
    $prefixes = ['App\\' => __DIR__.'/../app/', 'Database\\Migrations\\' => __DIR__.'/../database/migrations/'];
    foreach ($prefixes as $prefix => $folder) {
        if (str_starts_with($class, $prefix)) {
            $file = $folder.str_replace('\\', '/', substr($class, strlen($prefix))).'.php';
            if (is_file($file)) {
                require $file;
            }
        }
    }
});
