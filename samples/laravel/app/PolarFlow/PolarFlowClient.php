<?php

namespace App\PolarFlow;

use Illuminate\Http\Client\PendingRequest;
use Illuminate\Support\Facades\Http;

/**
 * PolarFlow's REST API through Laravel's Http client, with this app's service key: one PolarFlow user per
 * Laravel account. A failed call throws (RequestException) with PolarFlow's ProblemDetails in its response.
 */
class PolarFlowClient
{
    public function __construct(private string $baseUrl, private ?string $key)
    {
    }

    /** Creates the account's PolarFlow user; one that exists already (409) is fine. */
    public function createUser(string $userId): void
    {
        $response = $this->http()->post('/api/v1/users', ['userId' => $userId]);
        if ($response->status() !== 409) {
            $response->throw();
        }
    }

    public function user(string $userId): array
    {
        return $this->http()->get("/api/v1/users/{$userId}")->throw()->json();
    }

    /** Polar's authorization page for this user; after consent PolarFlow redirects the browser to $returnUrl. */
    public function authorizationUrl(string $userId, string $returnUrl): string
    {
        return $this->http()->post("/api/v1/users/{$userId}/polar/authorize", ['returnUrl' => $returnUrl])
            ->throw()
            ->json('authorizationUrl');
    }

    public function sleep(string $userId, int $days): array
    {
        return $this->http()->get("/api/v1/users/{$userId}/sleep", ['days' => $days])->throw()->json('nights');
    }

    /** Today's readiness: score (0-100 or null), band, status and what is missing. */
    public function readiness(string $userId): array
    {
        return $this->http()->get("/api/v1/users/{$userId}/analytics/readiness")->throw()->json('result.today');
    }

    /** Erases the user and everything PolarFlow holds for them (their Polar registration too). */
    public function deleteUser(string $userId): void
    {
        $response = $this->http()->delete("/api/v1/users/{$userId}");
        if ($response->status() !== 404) {
            $response->throw();
        }
    }

    private function http(): PendingRequest
    {
        return Http::baseUrl($this->baseUrl)->withHeaders(['X-API-Key' => (string) $this->key])->acceptJson()->timeout(15);
    }
}
