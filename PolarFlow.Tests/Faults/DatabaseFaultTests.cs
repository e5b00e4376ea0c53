using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Faults;

/// <summary>
/// A PostgreSQL of the test's own, hung for real (the postmaster and every backend stopped) and then restarted,
/// under a running ApiService. Before: `/health` answered after the whole hang and said Healthy, and every request
/// waited the whole hang. Durations are bounds with slack for a loaded machine; bench-faults.sh measures them.
/// </summary>
public sealed class DatabaseFaultTests
{
    private const int RequestTimeoutSeconds = 3;

    private sealed class Factory(string connectionString) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:polarflow", connectionString);
            builder.UseSetting("PolarFlow:RequestTimeoutSeconds", RequestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("PolarFlow:Database:ConnectTimeoutSeconds", "2");
            builder.UseSetting("PolarFlow:Database:CommandTimeoutSeconds", "2");
        }
    }

    [Fact]
    public async Task AHungOrRestartedDatabaseIsSeenWithinASecondAnswered503WithRetryAfterAndRecoveredWithoutARestart()
    {
        await using var postgres = await FaultyServer.StartPostgresAsync();
        var api = new Factory(postgres.ConnectionString);
        await ((IAsyncLifetime)api).InitializeAsync();
        try
        {
            using var admin = api.CreateAdminClient();
            await WaitUntilAsync(admin, "Healthy"); // the ApiService migrated the new database itself
            var userId = "faults-" + Guid.NewGuid().ToString("N")[..8];
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId })).StatusCode);
            using var user = api.CreateKeyClient(await api.CreateKeyAsync("user", userId));
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);

            postgres.Hang();
            var health = await TimedAsync(() => admin.GetAsync("/health"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Response.StatusCode);
            Assert.Equal("Unhealthy", await health.Response.Content.ReadAsStringAsync());
            Assert.True(health.Took < TimeSpan.FromSeconds(2.5), $"/health took {health.Took.TotalMilliseconds:F0} ms while PostgreSQL hung");
            // A user key is looked up in the database, the admin key is not: both must answer, and in time. (A list
            // this replica already holds for the current data version may still be answered from its memory; one it
            // has not read needs the database.)
            var during = await Task.WhenAll(
                TimedAsync(() => user.GetAsync($"/api/v1/users/{userId}/sleep?days=7")),
                TimedAsync(() => admin.GetAsync($"/api/v1/users/{userId}/analytics/summary")),
                TimedAsync(() => admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId + "-2" })));
            foreach (var (response, took) in during) await IsUnavailableAsync(response, took, "hung");

            postgres.Resume();
            await WaitUntilAsync(admin, "Healthy");
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);

            await postgres.StopAsync();
            var down = await TimedAsync(() => user.GetAsync($"/api/v1/users/{userId}/sleep?days=14"));
            await IsUnavailableAsync(down.Response, down.Took, "stopped");
            Assert.Equal("Unhealthy", await (await admin.GetAsync("/health")).Content.ReadAsStringAsync());

            await postgres.StartAgainAsync();
            await WaitUntilAsync(admin, "Healthy");
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId + "-3" })).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    /// <summary>
    /// A year's first sync through the real SyncWorker loop while its PostgreSQL hangs and, later, restarts: the job
    /// carries on or is taken up again on its own, and what it stored equals a fault-free sync of the same athlete
    /// into a database of its own (nothing lost, nothing doubled).
    /// </summary>
    [Fact]
    public async Task ASyncJobRunningWhileTheDatabaseHangsAndRestartsEndsWithEveryRecordOnce()
    {
        await using var postgres = await FaultyServer.StartPostgresAsync();
        await using var database = await TestDatabase.OnServerAsync(postgres.ConnectionString);
        await using var emulator = new EmulatorFactory { HistoryDays = 365 };
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"), s =>
        {
            s["PolarFlow:Database:ConnectTimeoutSeconds"] = "2";
            s["PolarFlow:Database:CommandTimeoutSeconds"] = "2";
            s["Sync:Lease"] = "00:00:06";
            s["Sync:StepRetryDelay"] = "00:00:01";
            s["Sync:IdlePoll"] = "00:00:00.250";
        });
        var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        // Polar answering in 25 ms keeps the first sync running for well over the hang and the restart.
        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { LatencyMilliseconds = 25 });
        await sync.EnqueueAsync(userId);
        var worker = sync.Get<PolarFlow.SyncWorker.Jobs.SyncWorkerService>();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var before = await WaitForRowsAsync(database, userId, above: 0);
            postgres.Hang();
            await Task.Delay(TimeSpan.FromSeconds(6));
            postgres.Resume();
            var afterHang = await WaitForRowsAsync(database, userId, above: before);
            Assert.NotEqual("Succeeded", await JobStatusAsync(database, userId)); // the restart below must meet the job mid-way

            await postgres.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await postgres.StartAgainAsync();
            await WaitForRowsAsync(database, userId, above: afterHang);

            var clock = Stopwatch.StartNew();
            while (await JobStatusAsync(database, userId) is not "Succeeded" and var status)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), $"the job is still {status} 4 minutes after the restart");
                await Task.Delay(500);
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { });
        }

        await using (var db = database.CreateDbContext())
        {
            // One job, taken up again after the faults (measured: attempt 3, one per fault), and no second sync.
            var job = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
                .SingleAsync(db.SyncJobs, j => j.UserId == userId);
            Assert.True(job.Attempt > 1, $"the job never met the faults (attempt {job.Attempt})");
        }
        var expected = await TableSnapshot.OfFaultFreeSyncAsync(emulator, polar, userId); // compared table by table, row by row
        Assert.Equal(expected, await TableSnapshot.OfUserAsync(database.ConnectionString, userId));
    }

    /// <summary>
    /// Waits until the user has more synced rows than <paramref name="above"/> (the database answering again); returns
    /// the count.
    /// </summary>
    private static async Task<long> WaitForRowsAsync(TestDatabase database, string userId, long above)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var rows = (await TableSnapshot.OfUserAsync(database.ConnectionString, userId)).Values.Sum(t => t.Rows);
                if (rows > above) return rows;
            }
            catch (Npgsql.NpgsqlException)
            {
                // still starting up
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"no more than {above} rows were stored within 2 minutes");
            await Task.Delay(250);
        }
    }

    private static async Task<string?> JobStatusAsync(TestDatabase database, string userId)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand("SELECT status FROM polarflow.sync_jobs WHERE user_id = @u", connection);
                command.Parameters.AddWithValue("u", userId);
                return (string?)await command.ExecuteScalarAsync();
            }
            catch (Npgsql.NpgsqlException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task IsUnavailableAsync(HttpResponseMessage response, TimeSpan took, string how)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"PostgreSQL {how}: answered {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"PostgreSQL {how}: no Retry-After");
        Assert.DoesNotContain("Npgsql", body);
        Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.True(took < TimeSpan.FromSeconds(RequestTimeoutSeconds + 3), $"PostgreSQL {how}: a request was held {took.TotalSeconds:F1} s");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        return (response, clock.Elapsed);
    }

    private static async Task WaitUntilAsync(HttpClient client, string state)
    {
        var clock = Stopwatch.StartNew();
        while (await (await client.GetAsync("/health")).Content.ReadAsStringAsync() != state)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"/health never said {state}");
            await Task.Delay(250);
        }
    }
}
