using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolarFlow.ApiService.Database;
using PolarFlow.Data;
using PolarFlow.Tests.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// Two ApiService replicas on one database, each keeping users' data versions and API keys in memory, kept fresh by
/// PostgreSQL's notifications. Without them a replica would answer from memory for ever, so the bound here (3 s, slack
/// for a loaded CI machine) tells working from broken; the real delay is measured by scripts/bench-api.sh.
/// </summary>
public sealed class ReplicaFreshnessTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);
    private readonly ApiFactory _a = new();
    private ApiFactory _b = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_a).InitializeAsync();
        _b = await _a.StartReplicaAsync();
        _ = _a.Server; // both started, so both listen
        _ = _b.Server;
        await Task.WhenAll(LiveAsync(_a), LiveAsync(_b));
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_b).DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
    }

    [Fact]
    public async Task ACommittedSyncIsAnsweredByBothReplicasEvenWhenTheNotificationIsLost()
    {
        using var a = _a.CreateAdminClient();
        using var b = _b.CreateAdminClient();
        var userId = await SeedUserAsync();
        var first = await VersionAsync(a, userId);
        Assert.Equal(first, await VersionAsync(b, userId));
        Assert.Equal("hit", await CacheAsync(a, userId)); // the version came from memory, the answer from Redis
        Assert.Equal("hit", await CacheAsync(b, userId));

        // A sync step's transaction: changed rows and the new version commit together, and so does the notification.
        await CommitChangeAsync(userId);
        await Task.WhenAll(AnswersAsync(a, userId, first + 1), AnswersAsync(b, userId, first + 1));

        // The listening connections die and a change commits while nobody listens: its notification is lost.
        await using (var admin = new NpgsqlConnection(_a.Database.ConnectionString))
        {
            await admin.OpenAsync();
            const string feeds = "FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()";
            await using var kill = new NpgsqlCommand($"SELECT count(pg_terminate_backend(pid)) {feeds}", admin);
            kill.Parameters.AddWithValue("name", ChangeFeed.ApplicationName);
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
            await using var left = new NpgsqlCommand($"SELECT count(*) {feeds}", admin);
            left.Parameters.AddWithValue("name", ChangeFeed.ApplicationName);
            while ((long)(await left.ExecuteScalarAsync())! > 0) await Task.Delay(10);
        }
        await CommitChangeAsync(userId);
        await Task.WhenAll(AnswersAsync(a, userId, first + 2), AnswersAsync(b, userId, first + 2));
        // Listening again, they answer from memory again: not what they held before the feed was lost.
        await Task.WhenAll(LiveAsync(_a), LiveAsync(_b));
        Assert.Equal(first + 2, await VersionAsync(a, userId));
        Assert.Equal(first + 2, await VersionAsync(b, userId));
        await CommitChangeAsync(userId);
        await Task.WhenAll(AnswersAsync(a, userId, first + 3), AnswersAsync(b, userId, first + 3));
    }

    [Fact]
    public async Task ADataListIsAnsweredFromMemoryUntilASyncCommitsAndThenBothReplicasListTheNewRows()
    {
        using var a = _a.CreateAdminClient();
        using var b = _b.CreateAdminClient();
        var userId = await SeedUserAsync();
        var path = $"/api/v1/users/{userId}/sleep?days=3650";
        var before = await ListedAsync(a, path, "miss");
        Assert.Contains("\"count\":1", before);
        Assert.Equal(before, await ListedAsync(a, path, "hit")); // no query: the version came from memory, so did the list
        Assert.Equal(before, await ListedAsync(b, path, "miss"));

        await CommitChangeAsync(userId);
        foreach (var client in new[] { a, b })
        {
            var (after, took) = await EventuallyAsync(() => client.GetStringAsync(path), body => body != before);
            Assert.True(after != before, $"a replica listed the night as before the commit {took.TotalSeconds:F1} s after it");
        }
    }

    private static async Task<string> ListedAsync(HttpClient client, string path, string cache)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cache, response.Headers.GetValues("X-Cache").Single());
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task AKeyRevokedOnOneReplicaStopsWorkingOnBoth()
    {
        var userId = await SeedUserAsync();
        var secret = await _a.CreateKeyAsync("user", userId);
        using var onA = _a.CreateKeyClient(secret);
        using var onB = _b.CreateKeyClient(secret);
        for (var i = 0; i < 3; i++) // read once, then from memory
        {
            Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);
        }

        using var admin = _a.CreateAdminClient();
        var keyId = secret.Split('_')[1];
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/keys/{keyId}")).StatusCode);

        await Task.WhenAll(RefusedAsync(onA, userId), RefusedAsync(onB, userId));
    }

    [Fact]
    public async Task ADeletedUsersAnalyticsAreGoneAtOnceWhereDeletedAndSoonOnTheOtherReplica()
    {
        var userId = await SeedUserAsync();
        using var a = _a.CreateAdminClient();
        using var b = _b.CreateAdminClient();
        await VersionAsync(a, userId); // the version and the answer in both replicas' memory
        await VersionAsync(b, userId);

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync($"/api/v1/users/{userId}")).StatusCode);

        var summary = $"/api/v1/users/{userId}/analytics/summary";
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(summary)).StatusCode);
        var (status, took) = await EventuallyAsync(async () => (await b.GetAsync(summary)).StatusCode,
            s => s == HttpStatusCode.NotFound);
        Assert.True(status == HttpStatusCode.NotFound, $"the deleted user still answered {(int)status} after {took.TotalSeconds:F1} s");
    }

    private static async Task RefusedAsync(HttpClient client, string userId)
    {
        var (status, took) = await EventuallyAsync(
            async () => (await client.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode,
            s => s == HttpStatusCode.Unauthorized);
        Assert.True(status == HttpStatusCode.Unauthorized, $"the revoked key still answered {(int)status} after {took.TotalSeconds:F1} s");
    }

    private static async Task AnswersAsync(HttpClient client, string userId, long version)
    {
        var (seen, took) = await EventuallyAsync(() => VersionAsync(client, userId), v => v >= version);
        Assert.True(seen == version, $"a replica answered data version {seen}, not {version}, {took.TotalSeconds:F1} s after the commit");
    }

    /// <summary>Reads until the value is what is waited for, or <see cref="Bound"/> has passed; the last value and the time.</summary>
    private static async Task<(T Last, TimeSpan Took)> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var clock = Stopwatch.StartNew();
        T last;
        while (!done(last = await read()) && clock.Elapsed < Bound) await Task.Delay(20);
        return (last, clock.Elapsed);
    }

    private static async Task<long> VersionAsync(HttpClient client, string userId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/analytics/summary"))
            .GetProperty("dataVersion").GetInt64();

    private static async Task<string> CacheAsync(HttpClient client, string userId) =>
        (await client.GetAsync($"/api/v1/users/{userId}/analytics/summary")).Headers.GetValues("X-Cache").Single();

    private async Task CommitChangeAsync(string userId)
    {
        await using var db = _a.Database.CreateDbContext();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, userId, changed: true);
            await db.BumpDataVersionAsync(userId, default);
            await transaction.CommitAsync();
        });
    }

    private async Task<string> SeedUserAsync()
    {
        await using var db = _a.Database.CreateDbContext();
        var userId = "replicas-" + Guid.NewGuid().ToString("N")[..8];
        db.Users.Add(new PolarFlow.Data.Entities.PolarUser { UserId = userId });
        await db.SaveChangesAsync();
        await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, userId, changed: false);
        await SyncedRecordSamples.ByTable["nightly_recharge"].UpsertAsync(db, userId, changed: false);
        return userId;
    }

    private static async Task LiveAsync(ApiFactory api)
    {
        var feed = api.Services.GetRequiredService<ChangeFeed>();
        var clock = Stopwatch.StartNew();
        while (!feed.IsLive && clock.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        Assert.True(feed.IsLive, "the change feed did not start listening");
    }
}
