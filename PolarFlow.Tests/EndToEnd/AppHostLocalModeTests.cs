using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolarFlow.AppHost.Infrastructure;

namespace PolarFlow.Tests.EndToEnd;

/// <summary>
/// The real AppHost in local mode, as `./run.sh` runs it on a machine without Docker: DCP starts initdb,
/// postgres and redis-server, then the ApiService (which migrates) and the SyncWorker.
/// </summary>
public sealed class AppHostLocalModeTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The emulator's first athlete, whom the ApiService connects at start-up (`PolarFlow:ConnectDemoUser`).</summary>
    private const string DemoUser = "40000101";

    /// <summary>
    /// Three starts on one data folder. The emulator keeps its state in memory, so from the second start on the demo
    /// athlete's stored token is one the emulator no longer knows: before the fix every second start ended
    /// TokenRevoked (Connected, TokenRevoked, Connected). Each start must end with the athlete connected and synced by a
    /// job of that run; the first is stopped the moment that is so, whatever the worker is doing.
    /// </summary>
    [Fact]
    public async Task LocalModeBringsEveryServiceUpHealthyMigratesAndKeepsDataAndTheDemoAthleteAcrossRestarts()
    {
        var dataDir = Directory.CreateTempSubdirectory("polarflow-e2e-").FullName;
        try
        {
            var marker = "e2e-" + Guid.NewGuid().ToString("N")[..8];
            for (var run = 1; run <= 3; run++)
            {
                var started = DateTimeOffset.UtcNow;
                await using (var app = await StartAsync(dataDir))
                {
                    var connectionString = await app.GetConnectionStringAsync("polarflow");
                    Assert.Contains("Password=", connectionString); // local servers are not open to every account
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    if (run == 1)
                    {
                        await CheckFirstStartAsync(app, connection, marker);
                    }
                    else
                    {
                        Assert.Equal(1L, await Scalar(connection, $"SELECT count(*) FROM polarflow.users WHERE user_id = '{marker}'"));
                    }
                    await WaitForDemoSyncAsync(connection, started, run);
                }
                await WaitUntilNoProcessUses(dataDir);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task CheckFirstStartAsync(DistributedApplication app, NpgsqlConnection connection, string marker)
    {
        using var api = app.CreateHttpClient("apiservice", "http");
        var health = await api.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        using var model = new PolarFlow.Data.DesignTimeDbContextFactory().CreateDbContext([]);
        Assert.Equal(model.Database.GetMigrations().LongCount(), await Scalar(connection, "SELECT count(*) FROM polarflow.__ef_migrations_history"));
        Assert.True(await Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'polarflow'") >= 20);
        await Scalar(connection, $"INSERT INTO polarflow.users (user_id, connection_state, data_version, created_at, updated_at) VALUES ('{marker}', 'NotConnected', 0, now(), now()) RETURNING 1");
    }

    /// <summary>Connected, with a job of this run that succeeded and stored sleep; a revoked token fails at once.</summary>
    private static async Task WaitForDemoSyncAsync(NpgsqlConnection connection, DateTimeOffset started, int run)
    {
        var deadline = Stopwatch.StartNew();
        string? state = null;
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await using (var command = new NpgsqlCommand("SELECT connection_state FROM polarflow.users WHERE user_id = @id", connection))
            {
                command.Parameters.AddWithValue("id", DemoUser);
                state = (string?)await command.ExecuteScalarAsync();
            }
            Assert.True(state is null or "Connected", $"Start {run}: the demo athlete is {state}");
            await using (var command = new NpgsqlCommand("""
                SELECT count(*) FROM polarflow.sync_jobs
                WHERE user_id = @id AND status = 'Succeeded' AND finished_at > @started
                """, connection))
            {
                command.Parameters.AddWithValue("id", DemoUser);
                command.Parameters.AddWithValue("started", started);
                if ((long)(await command.ExecuteScalarAsync())! > 0)
                {
                    Assert.True(await Scalar(connection, $"SELECT count(*) FROM polarflow.sleep WHERE user_id = '{DemoUser}'") > 0);
                    return;
                }
            }
            await Task.Delay(1000);
        }
        Assert.Fail($"Start {run}: no sync of the demo athlete succeeded within 3 minutes (state {state ?? "no user"})");
    }

    private static async Task<DistributedApplication> StartAsync(string dataDir)
    {
        using var cts = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PolarFlow_AppHost>(
            [
                "--PolarFlow:Infra=local",
                $"--PolarFlow:DataDir={dataDir}",
                $"--API_PORT={LocalServerBinaries.FreeTcpPort()}", // beside a dev run on 8000
                $"--WEB_PORT={LocalServerBinaries.FreeTcpPort()}", // and its dashboard on 8080
            ], cts.Token);
        var app = await builder.BuildAsync(cts.Token);
        await app.StartAsync(cts.Token);
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        await notifications.WaitForResourceHealthyAsync("apiservice", cts.Token);
        await notifications.WaitForResourceHealthyAsync("syncworker", cts.Token);
        await notifications.WaitForResourceHealthyAsync("web", cts.Token);
        return app;
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Stopping the AppHost must leave no server behind: postgres's command line names its data folder.</summary>
    private static async Task WaitUntilNoProcessUses(string dataDir)
    {
        var deadline = Stopwatch.StartNew();
        List<string> left;
        do
        {
            left = Directory.GetDirectories("/proc")
                .Select(dir => Path.Combine(dir, "cmdline"))
                .Select(file => { try { return File.ReadAllText(file).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
                .Where(cmdline => cmdline.Contains(dataDir, StringComparison.Ordinal))
                .ToList();
            if (left.Count == 0)
            {
                return;
            }
            await Task.Delay(500);
        }
        while (deadline.Elapsed < TimeSpan.FromSeconds(60));

        Assert.Fail("Processes still running after the AppHost stopped:\n" + string.Join('\n', left));
    }
}
