<?php

// `php artisan serve` runs PHP's built-in server with this router: files in public/ as they are, the rest to Laravel.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if ($path !== '/' && is_file(__DIR__.'/public'.$path)) {
    return false;
}
require_once __DIR__.'/public/index.php';
