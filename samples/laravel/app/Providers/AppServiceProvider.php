<?php

namespace App\Providers;

use App\PolarFlow\PolarFlowClient;
use Illuminate\Support\Facades\Route;
use Illuminate\Support\ServiceProvider;

class AppServiceProvider extends ServiceProvider
{
    public function register()
    {
        $this->app->singleton(PolarFlowClient::class, fn () => new PolarFlowClient(
            config('services.polarflow.url'),
            config('services.polarflow.key'),
        ));
    }

    public function boot()
    {
        Route::middleware('web')->group(base_path('routes/web.php'));
        $this->app->booted(fn () => $this->app['router']->getRoutes()->refreshNameLookups());
    }
}
