<?php

namespace App\Http;

use App\Models\Account;
use Closure;
use Illuminate\Http\Request;

/** The signed-in Laravel account (kept in the session), or back to the start page. */
class RequireAccount
{
    public function handle(Request $request, Closure $next)
    {
        $account = Account::find($request->session()->get('account_id'));
        if ($account === null) {
            return redirect()->route('home');
        }
        $request->attributes->set('account', $account);

        return $next($request);
    }
}
