<?php

use Illuminate\Support\Facades\Artisan;
use Illuminate\Support\Facades\DB;

// What the AppHost runs: Laravel's own schema and tables (migrations), then Laravel's development server.
Artisan::command('polarflow:serve {--host=127.0.0.1} {--port=8000}', function () {
    DB::statement('CREATE SCHEMA IF NOT EXISTS laravel');
    $this->call('migrate', ['--force' => true]);

    return $this->call('serve', ['--host' => $this->option('host'), '--port' => $this->option('port')]);
})->purpose('Migrate Laravel\'s schema and serve the app');
