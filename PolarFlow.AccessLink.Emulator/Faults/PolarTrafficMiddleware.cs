using PolarFlow.AccessLink.Emulator.Endpoints;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator.Faults;

/// <summary>
/// Around every AccessLink call: the `RateLimit-*` headers and 429 when a window is spent (Polar's rules), then
/// the configured faults (not Polar's, for tests of everything that must survive Polar misbehaving).
/// </summary>
public sealed class PolarTrafficMiddleware(RequestDelegate next, RateLimiter limiter, FaultSettings faults, CallCounter calls)
{
    private readonly Random _random = new(faults.Seed);
    private readonly Lock _lock = new();

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        if (!path.StartsWithSegments("/v3") && !path.StartsWithSegments("/v2/oauth2"))
        {
            await next(http);
            return;
        }

        try
        {
            await PolarAsync(http, path);
        }
        finally
        {
            var route = ((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path.Value)?.TrimEnd('/');
            var user = http.Items.TryGetValue(PolarHttp.UserKey, out var u) && u is EmulatorUser known ? known.PolarUserId : 0;
            calls.Count(user, $"{http.Request.Method} {route}");
        }
    }

    private async Task PolarAsync(HttpContext http, PathString path)
    {
        var limit = limiter.Count();
        http.Response.Headers["RateLimit-Usage"] = $"{limit.ShortUsage}, {limit.LongUsage}";
        http.Response.Headers["RateLimit-Limit"] = $"{limit.ShortLimit}, {limit.LongLimit}";
        http.Response.Headers["RateLimit-Reset"] = $"{limit.ShortReset}, {limit.LongReset}";
        if (limit.Exceeded || TakeBurst())
        {
            await PolarHttp.Error(http, 429, "TOO_MANY_REQUESTS", "Rate limit exceeded").ExecuteAsync(http);
            return;
        }

        if (faults.LatencyMilliseconds > 0)
        {
            http.Response.Headers["X-Emulator-Fault"] = "latency";
            await Task.Delay(faults.LatencyMilliseconds, http.RequestAborted);
        }
        if (Roll(faults.DropRate))
        {
            http.Abort();
            return;
        }
        if (Roll(faults.ServerErrorRate) || (faults.FailingPath is { } failing && path.Equals(failing, StringComparison.Ordinal)))
        {
            await PolarHttp.Error(http, 503, "SERVICE_UNAVAILABLE", "Injected fault").ExecuteAsync(http);
            return;
        }
        if (!Roll(faults.MalformedRate))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        await next(http);
        http.Response.Body = original;
        var bytes = buffer.ToArray();
        var cut = bytes.AsMemory(0, bytes.Length / 2);
        http.Response.ContentLength = cut.Length;
        http.Response.Headers["X-Emulator-Fault"] = "truncated";
        await original.WriteAsync(cut, http.RequestAborted);
    }

    private bool TakeBurst()
    {
        lock (_lock)
        {
            if (faults.Burst429 <= 0) return false;
            faults.Burst429--;
            return true;
        }
    }

    private bool Roll(double rate)
    {
        if (rate <= 0) return false;
        lock (_lock) return _random.NextDouble() < rate;
    }

}
