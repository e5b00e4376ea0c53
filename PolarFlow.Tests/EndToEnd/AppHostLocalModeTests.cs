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

    [Fact]
    public async Task LocalModeBringsEveryServiceUpHealthyMigratesAndKeepsDataAcrossRestarts()
    {
        var dataDir = Directory.CreateTempSubdirectory("polarflow-e2e-").FullName;
        try
        {
            var marker = "e2e-" + Guid.NewGuid().ToString("N")[..8];

            await using (var app = await StartAsync(dataDir))
            {
                using var api = app.CreateHttpClient("apiservice", "http");
                var health = await api.GetAsync("/health");
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

                var connectionString = await app.GetConnectionStringAsync("polarflow");
                Assert.Contains("Password=", connectionString); // local servers are not open to every account
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                using var model = new PolarFlow.Data.DesignTimeDbContextFactory().CreateDbContext([]);
                Assert.Equal(model.Database.GetMigrations().LongCount(), await Scalar(connection, "SELECT count(*) FROM polarflow.__ef_migrations_history"));
                Assert.True(await Scalar(connection, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'polarflow'") >= 20);
                await Scalar(connection, $"INSERT INTO polarflow.users (user_id, connection_state, data_version, created_at, updated_at) VALUES ('{marker}', 'NotConnected', 0, now(), now()) RETURNING 1");
            }

            await WaitUntilNoProcessUses(dataDir);

            await using (var app = await StartAsync(dataDir))
            {
                await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("polarflow"));
                await connection.OpenAsync();
                Assert.Equal(1L, await Scalar(connection, $"SELECT count(*) FROM polarflow.users WHERE user_id = '{marker}'"));
            }

            await WaitUntilNoProcessUses(dataDir);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(dataDir, recursive: true);
        }
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
