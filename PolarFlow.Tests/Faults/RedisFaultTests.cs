using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolarFlow.Tests.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Faults;

/// <summary>
/// A Redis of the test's own, hung for real (every redis-server process stopped: the socket stays open, nothing
/// answers) and then killed. Before the guard, a hung Redis cost every data read about 6 s, `analytics/summary` a
/// 500 and `/health` 6 s. Durations here are bounds that tell that failure from working (a few seconds of slack for a
/// loaded CI machine); the real figures come from scripts/bench-faults.sh.
/// </summary>
public sealed class RedisFaultTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1.5);

    private sealed class Factory(string redis) : ApiFactory(historyDays: 25, redis: redis)
    {
        // A permit at a time, so each request asks Redis to count it (leased batches would outlast a short outage).
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PolarFlow:RateLimit:LeaseSize", "1");
        }
    }

    [Fact]
    public async Task AHungOrKilledRedisCostsNoMoreThanItsTimeoutAndNeverA5xxAndIsUsedAgainWhenBack()
    {
        await using var redis = await FaultyServer.StartRedisAsync();
        var api = new Factory(redis.ConnectionString);
        await ((IAsyncLifetime)api).InitializeAsync();
        try
        {
            using var admin = api.CreateAdminClient();
            var userId = await SeedUserAsync(api);
            await ApiHealth.WaitUntilHealthyAsync(admin);
            await admin.GetAsync($"/api/v1/users/{userId}/analytics/summary");
            Assert.Equal("hit", (await admin.GetAsync($"/api/v1/users/{userId}/analytics/summary")).Headers.GetValues("X-Cache").Single());

            // A connect flow cannot start without its state in Redis, so it waits out a Redis busy for a moment (a
            // loaded machine) where a cache read would give up after 100 ms.
            redis.Hang();
            var connect = admin.PostAsync("/api/v1/polar/authorize", null);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            redis.Resume();
            Assert.Equal(HttpStatusCode.OK, (await connect).StatusCode);

            redis.Hang();
            await AnswersWithoutRedisAsync(admin, userId, "hung");

            redis.Resume();
            await ApiHealth.WaitUntilHealthyAsync(admin);
            await redis.KillAsync();
            await AnswersWithoutRedisAsync(admin, userId, "killed");

            await redis.StartAgainAsync();
            await ApiHealth.WaitUntilHealthyAsync(admin);
            var limited = await admin.GetAsync($"/api/v1/users/{userId}/sleep?days=30");
            Assert.True(limited.Headers.Contains("RateLimit-Limit"), "rate limits are counted again once Redis is back");
            // A new answer goes to Redis again (for the other replicas), not only to this one's memory.
            var computed = await admin.GetAsync($"/api/v1/users/{userId}/analytics/summary?as_of=2026-06-01");
            Assert.Equal("miss", computed.Headers.GetValues("X-Cache").Single());
            var prefix = api.Services.GetRequiredService<IOptions<PolarFlow.ApiService.Redis.RedisOptions>>().Value.KeyPrefix;
            await using var direct = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var server = direct.GetServer(direct.GetEndPoints().Single());
            Assert.Single(server.Keys(pattern: $"{prefix}:analytics:{userId}:*:summary:2026-06-01:*"));
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    private static async Task AnswersWithoutRedisAsync(HttpClient admin, string userId, string how)
    {
        // The first calls may each wait the guard's timeout while the circuit learns; none may fail.
        var durations = new List<TimeSpan>();
        for (var i = 0; i < 12; i++)
        {
            var path = i % 2 == 0 ? $"/api/v1/users/{userId}/sleep?days=30" : $"/api/v1/users/{userId}/analytics/summary";
            var clock = Stopwatch.StartNew();
            var response = await admin.GetAsync(path);
            durations.Add(clock.Elapsed);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Redis {how}: {path} answered {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("RateLimit-Limit"), $"Redis {how}: the rate limit must fail open, not be counted");
            // What this replica computed before stays in its memory: the warm answer needs no Redis.
            if (i % 2 == 1) Assert.Equal("hit", response.Headers.GetValues("X-Cache").Single());
        }
        var clockHealth = Stopwatch.StartNew();
        var health = await admin.GetAsync("/health");
        var healthTook = clockHealth.Elapsed;

        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
        Assert.True(healthTook < Bound, $"Redis {how}: /health took {healthTook.TotalMilliseconds:F0} ms");
        Assert.True(durations.Skip(4).All(d => d < Bound),
            $"Redis {how}: requests took {string.Join(", ", durations.Select(d => $"{d.TotalMilliseconds:F0}"))} ms");

        // What cannot work without Redis says so, at once (the circuit is open).
        var clockConnect = Stopwatch.StartNew();
        var connect = await admin.PostAsync("/api/v1/polar/authorize", null);
        var connectTook = clockConnect.Elapsed;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, connect.StatusCode);
        Assert.Equal("application/problem+json", connect.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Try again in a minute", await connect.Content.ReadAsStringAsync());
        Assert.True(connectTook < Bound, $"Redis {how}: the refused connect took {connectTook.TotalMilliseconds:F0} ms");
    }

    private static async Task<string> SeedUserAsync(ApiFactory api)
    {
        await using var db = api.Database.CreateDbContext();
        var userId = "faults-" + Guid.NewGuid().ToString("N")[..8];
        db.Users.Add(new PolarFlow.Data.Entities.PolarUser { UserId = userId });
        await db.SaveChangesAsync();
        await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, userId, changed: false);
        await SyncedRecordSamples.ByTable["nightly_recharge"].UpsertAsync(db, userId, changed: false);
        return userId;
    }
}
