using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PolarFlow.ApiService.Auth;

namespace PolarFlow.ApiService.RateLimits;

/// <summary>
/// Per-key rate limits on ASP.NET Core's rate limiter, partitioned by key (<see cref="KeyBudget"/>: one budget per
/// key shared by every replica). Every answer says where the key stands (`RateLimit-Limit`, `RateLimit-Remaining`,
/// `RateLimit-Reset`); past the limit, a 429 ProblemDetails with `Retry-After`.
/// </summary>
public static class KeyRateLimits
{
    public const string Policy = "per-key";

    public static IHostApplicationBuilder AddKeyRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Budgets>();
        builder.Services.AddRateLimiter(options =>
        {
            options.AddPolicy<string, PerKeyPolicy>(Policy);
            options.OnRejected = RefuseAsync;
        });
        return builder;
    }

    private static async ValueTask RefuseAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var limit = http.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value.PermitsPerMinute;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests for this key",
            detail: $"This key may make {limit} requests a minute; try again in {wait} s.",
            type: "https://polarflow.dev/problems/rate-limited").ExecuteAsync(http);
    }

    /// <summary>Each key's budget on this replica, kept while the process runs (keys are few; each is small).</summary>
    public sealed class Budgets(IServiceProvider services, IOptions<RateLimitSettings> settings, TimeProvider time)
    {
        private readonly ConcurrentDictionary<string, KeyBudget> _budgets = new();

        public KeyBudget For(string keyId) => _budgets.GetOrAdd(keyId, id => new KeyBudget(settings.Value,
            ActivatorUtilities.CreateInstance<SharedCount>(services, id), time));
    }

    private sealed class PerKeyPolicy(Budgets budgets) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

        public RateLimitPartition<string> GetPartition(HttpContext http)
        {
            // Routes that need no key (health, webhooks from Polar) are not limited per key.
            if (http.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is not { } keyId)
                return RateLimitPartition.GetNoLimiter("");
            var budget = budgets.For(keyId);
            http.Response.OnStarting(() =>
            {
                if (budget.Standing() is var (limit, remaining, reset))
                {
                    http.Response.Headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                }
                return Task.CompletedTask;
            });
            return RateLimitPartition.Get(keyId, budgets.For);
        }
    }
}
