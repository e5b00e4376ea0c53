using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using PolarFlow.ApiService.Redis;

namespace PolarFlow.ApiService.Auth;

/// <summary>
/// Per-key rate limiting, counted in Redis so every ApiService replica shares one budget per key: a fixed
/// window (`PolarFlow:RateLimit:PermitsPerMinute`, default 600). Every answer says where the key stands
/// (`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`); past the limit, 429 with `Retry-After`. Without
/// Redis (down, or hung past the guard's timeout), requests pass unlimited: logged, counted, /health degraded.
/// </summary>
public sealed partial class KeyRateLimit(RedisGuard redis, IOptions<RedisOptions> redisOptions, IConfiguration configuration, TimeProvider time,
    ILogger<KeyRateLimit> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        await CheckAsync(context.HttpContext) ?? await next(context);

    /// <summary>Counts the request against its key and sets the headers; returns the 429 to answer, or null.</summary>
    public async Task<IResult?> CheckAsync(HttpContext http)
    {
        if (http.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) is not { } keyId) return null;

        var limit = configuration.GetValue("PolarFlow:RateLimit:PermitsPerMinute", 600);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var window = now / 60;
        var key = $"{redisOptions.Value.KeyPrefix}:api-rate:{keyId}:{window}";
        // Without Redis the API keeps answering (health says degraded) rather than refusing every request.
        if (await CountAsync(key) is not { } used) return null;
        var reset = (window + 1) * 60 - now;

        http.Response.Headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["RateLimit-Remaining"] = Math.Max(0, limit - used).ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (used <= limit) return null;
        http.Response.Headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(statusCode: 429, title: "Too many requests for this key",
            detail: $"This key may make {limit} requests a minute; try again in {reset} s.",
            type: "https://polarflow.dev/problems/rate-limited");
    }

    /// <summary>
    /// The same limit on endpoints that are not route handlers (endpoint filters do not run there), such as MCP's:
    /// the endpoint's request delegate is wrapped.
    /// </summary>
    public static TBuilder Apply<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var inner = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = async http =>
            {
                var limiter = ActivatorUtilities.CreateInstance<KeyRateLimit>(http.RequestServices);
                if (await limiter.CheckAsync(http) is { } refused) await refused.ExecuteAsync(http);
                else await inner(http);
            };
        });
        return builder;
    }

    /// <summary>This request's number in the key's window; null when Redis cannot count it.</summary>
    private async Task<long?> CountAsync(string key)
    {
        var (ok, used) = await redis.TryAsync("rate limit", async db =>
        {
            var count = await db.StringIncrementAsync(key);
            if (count == 1) await db.KeyExpireAsync(key, TimeSpan.FromSeconds(120));
            return count;
        });
        if (ok) return used;
        LogNotLimited(logger, redis.IsOpen ? "Redis is being left alone after failures" : "Redis did not answer in time");
        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "This request was not rate limited: {Reason}")]
    private static partial void LogNotLimited(ILogger logger, string reason);
}
