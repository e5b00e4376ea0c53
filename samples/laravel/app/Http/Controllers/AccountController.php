<?php

namespace App\Http\Controllers;

use App\Models\Account;
use App\PolarFlow\PolarFlowClient;
use Illuminate\Http\Client\ConnectionException;
use Illuminate\Http\Client\RequestException;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

/** The SaaS's pages: sign up (which makes the PolarFlow user), connect Polar, see sleep and readiness, leave. */
class AccountController
{
    public function __construct(private PolarFlowClient $polarFlow)
    {
    }

    public function home(Request $request)
    {
        if (Account::find($request->session()->get('account_id')) !== null) {
            return redirect()->route('dashboard');
        }

        return view('home');
    }

    public function register(Request $request)
    {
        $fields = $request->validate(['name' => 'required|string|max:100']);
        try {
            // One step: an account whose PolarFlow user could not be made is not kept.
            $account = DB::transaction(function () use ($fields) {
                $account = Account::create($fields);
                $this->polarFlow->createUser($account->polarFlowUserId());

                return $account;
            });
        } catch (RequestException | ConnectionException $e) {
            report($e);
            $detail = $e instanceof RequestException ? $e->response->json('detail') : null;

            return back()->withInput()->withErrors(['register' => 'PolarFlow could not make your account'
                .($detail ? ": {$detail}" : ' (it did not answer)').'. Nothing was saved; try again in a moment.']);
        }
        $request->session()->regenerate();
        $request->session()->put('account_id', $account->id);

        return redirect()->route('dashboard');
    }

    public function dashboard(Request $request)
    {
        $account = $request->attributes->get('account');
        $userId = $account->polarFlowUserId();
        $user = $this->polarFlow->user($userId);
        $connected = $user['connectionState'] === 'Connected';

        return view('dashboard', [
            'account' => $account,
            'connection' => $user['connectionState'],
            'nights' => $connected ? $this->polarFlow->sleep($userId, 7) : [],
            'readiness' => $connected ? $this->polarFlow->readiness($userId) : null,
        ]);
    }

    public function connect(Request $request)
    {
        $account = $request->attributes->get('account');
        try {
            return redirect()->away($this->polarFlow->authorizationUrl($account->polarFlowUserId(), route('dashboard')));
        } catch (RequestException $e) {
            $detail = $e->response->json('detail') ?? 'PolarFlow could not start the connection.';

            return back()->withErrors(['connect' => $detail]);
        }
    }

    public function destroy(Request $request)
    {
        $account = $request->attributes->get('account');
        $this->polarFlow->deleteUser($account->polarFlowUserId());
        $account->delete();
        $request->session()->invalidate();

        return redirect()->route('home')->with('status', 'Your account and all its Polar data are deleted.');
    }
}
