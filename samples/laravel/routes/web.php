<?php

use App\Http\Controllers\AccountController;
use Illuminate\Support\Facades\Route;

Route::get('/', [AccountController::class, 'home'])->name('home');
Route::post('/register', [AccountController::class, 'register'])->name('register');
Route::get('/health', fn () => response('ok'));

Route::middleware('account')->group(function () {
    Route::get('/dashboard', [AccountController::class, 'dashboard'])->name('dashboard');
    Route::post('/connect', [AccountController::class, 'connect'])->name('connect');
    Route::post('/account/delete', [AccountController::class, 'destroy'])->name('account.delete');
});
