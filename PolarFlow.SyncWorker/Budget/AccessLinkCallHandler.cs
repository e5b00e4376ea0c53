using System.Net;
using PolarFlow.AccessLink;

namespace PolarFlow.SyncWorker.Budget;

/// <summary>
/// Around every AccessLink call the worker makes: refuses to call while the shared budget is blocked (so no
/// replica hammers Polar after a 429), blocks it when Polar answers 429, and counts calls by endpoint and status.
/// </summary>
public sealed class AccessLinkCallHandler(RedisRateBudget budget, SyncTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await budget.WaitNeededAsync(scheduled: false, reserve: 0) is { } wait)
        {
            throw new AccessLinkException(AccessLinkErrorKind.RateLimited, HttpStatusCode.TooManyRequests,
                $"Polar's rate limit is spent; calls resume in {RedisRateBudget.Describe(wait)}.",
                new RateLimitState(0, 0, 0, 0, wait, wait));
        }

        var response = await base.SendAsync(request, cancellationToken);
        telemetry.Calls.Add(1, new("endpoint", Endpoint(request.RequestUri)), new("status", (int)response.StatusCode));
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var state = RateLimitState.FromHeaders(response.Headers);
            await budget.BlockAsync(state?.WaitUntilReset is { TotalSeconds: > 0 } reset ? reset : TimeSpan.FromMinutes(1));
        }
        return response;
    }

    /// <summary>The path without ids and dates, so the metric has few distinct values.</summary>
    private static string Endpoint(Uri? uri)
    {
        var parts = (uri?.AbsolutePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is [_, "exercises", _, ..])
        {
            return "v3/exercises/{id}" + (parts.Length > 3 ? "/" + parts[3] : "");
        }
        return string.Join('/', parts.Where(p => !char.IsDigit(p[0])).Take(5));
    }
}
