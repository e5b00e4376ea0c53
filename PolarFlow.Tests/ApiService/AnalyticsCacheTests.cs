using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.ApiService.Analytics;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>An ApiService whose Redis is a closed port: the cache is simply not there.</summary>
public sealed class NoRedisApiFactory() : ApiFactory(historyDays: 25, redis: "127.0.0.1:9,abortConnect=false,connectTimeout=300,connectRetry=0");

/// <summary>The analytics cache on the real test Redis: hits, invalidation by the data version, the sync race, no Redis.</summary>
public sealed class AnalyticsCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(string UserId, SyncHarness Worker)> SyncedUserAsync(ApiFactory factory)
    {
        var polar = await factory.Emulator.CreateUserAsync(registeredDaysAgo: 25);
        var worker = new SyncHarness(factory.Emulator, factory.Database, Guid.NewGuid().ToString("N"));
        var userId = await worker.ConnectAsync(polar);
        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();
        return (userId, worker);
    }

    private static async Task<(string Cache, string Body, JsonElement Json)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return (response.Headers.GetValues("X-Cache").Single(), body, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public async Task ASecondCallIsServedFromTheCacheUntilASyncChangesTheData()
    {
        var (userId, worker) = await SyncedUserAsync(api);
        await using var _ = worker;
        using var client = api.CreateAdminClient();
        var path = $"/api/v1/users/{userId}/analytics/summary";

        var first = await GetAsync(client, path);
        var second = await GetAsync(client, path);
        var otherOptions = await GetAsync(client, path + "?swc_multiplier=1.0");

        Assert.Equal(("miss", "hit"), (first.Cache, second.Cache));
        Assert.Equal(first.Body, second.Body); // same computation, same computed_at
        Assert.Equal("miss", otherOptions.Cache); // parameters are part of the key

        // A day later Polar has a new night: the sync writes it, and the next answer is computed afresh.
        var asOf = first.Json.GetProperty("asOf").GetString();
        await api.Emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = TimeSpan.FromDays(1) });
        worker.Time.Advance(TimeSpan.FromDays(1));
        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();
        await api.CaughtUpAsync();
        var after = await GetAsync(client, $"{path}?as_of={asOf}");

        Assert.Equal("miss", after.Cache);
        Assert.True(after.Json.GetProperty("dataVersion").GetInt64() > first.Json.GetProperty("dataVersion").GetInt64());
        Assert.True(after.Json.GetProperty("computedAt").GetDateTimeOffset() > first.Json.GetProperty("computedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AComputationThatASyncOvertakesIsNeverServedAfterTheSync()
    {
        var (userId, worker) = await SyncedUserAsync(api);
        await using var _ = worker;
        var query = new AnalyticsQuery(new DateOnly(2030, 1, 1), 30, PolarFlow.Analytics.Common.AnalyticsParameters.Default);
        using var loaded = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // A slow computation: it has read its snapshot and is still counting when the sync lands.
        var slow = Task.Run(async () =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            var counting = new AnalyticsCatalog.Definition("nights", 30, "Counts the nights", typeof(int), (data, _, _) =>
            {
                loaded.Set();
                release.Wait(TimeSpan.FromSeconds(30));
                return data.Nights.Count;
            });
            return await scope.ServiceProvider.GetRequiredService<AnalyticsService>().GetAsync(userId, counting, query, CancellationToken.None);
        });
        Assert.True(loaded.Wait(TimeSpan.FromSeconds(30)));
        int before;
        await using (var db = api.Database.CreateDbContext())
        {
            before = await db.NightlyRecharge.CountAsync(n => n.UserId == userId);
            // What a sync step does: the new rows and the new data version in one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.NightlyRecharge.Add(new NightlyRecharge { UserId = userId, Date = new DateOnly(2029, 12, 31), HeartRateAvg = 50, HeartRateVariabilityAvg = 60, Raw = "{}" });
            await db.SaveChangesAsync();
            await db.BumpDataVersionAsync(userId, CancellationToken.None);
            await transaction.CommitAsync();
        }
        await api.CaughtUpAsync();
        release.Set();
        var stale = await slow;

        await using var scope = api.Services.CreateAsyncScope();
        var count = new AnalyticsCatalog.Definition("nights", 30, "Counts the nights", typeof(int), (data, _, _) => data.Nights.Count);
        var fresh = await scope.ServiceProvider.GetRequiredService<AnalyticsService>().GetAsync(userId, count, query, CancellationToken.None);

        Assert.Equal(before, JsonDocument.Parse(stale.Json!).RootElement.GetProperty("result").GetInt32()); // the snapshot, not half of the sync
        Assert.False(fresh.Cached);
        Assert.Equal(before + 1, JsonDocument.Parse(fresh.Json!).RootElement.GetProperty("result").GetInt32());
        Assert.Equal(JsonDocument.Parse(stale.Json!).RootElement.GetProperty("dataVersion").GetInt64() + 1,
            JsonDocument.Parse(fresh.Json!).RootElement.GetProperty("dataVersion").GetInt64());
    }
}

/// <summary>Without Redis the API still answers every analytic (computed once, then from its memory) and /health says degraded.</summary>
public sealed class AnalyticsWithoutRedisTests(NoRedisApiFactory api) : IClassFixture<NoRedisApiFactory>
{
    [Fact]
    public async Task AnalyticsAreComputedOnceThenAnsweredFromMemoryAndHealthIsDegraded()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 25);
        string userId;
        await using (var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N")))
        {
            userId = await worker.ConnectAsync(polar);
            await worker.EnqueueAsync(userId);
            await worker.DrainAsync();
        }
        using var client = api.CreateAdminClient();

        var first = await client.GetAsync($"/api/v1/users/{userId}/analytics/summary");
        var second = await client.GetAsync($"/api/v1/users/{userId}/analytics/summary");
        var health = await client.GetAsync("/health");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("miss", "hit"), (first.Headers.GetValues("X-Cache").Single(), second.Headers.GetValues("X-Cache").Single()));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync()); // one computation
        Assert.Equal("summary", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("analytic").GetString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
    }
}
