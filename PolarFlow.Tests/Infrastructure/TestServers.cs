using System.Diagnostics;
using Npgsql;
using PolarFlow.AppHost.Infrastructure;
using PolarFlow.Data;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL and one real Redis for the whole test run. `POLARFLOW_TEST_POSTGRES` (a connection
/// string with the right to create databases) and `POLARFLOW_TEST_REDIS` name existing servers; otherwise
/// the tests start the machine's own servers on free ports, with the same scripts the AppHost's local mode
/// uses, and stop them when the run ends. Each test gets its own database cloned from a migrated template.
/// </summary>
public sealed class TestServers
{
    private static readonly Lazy<Task<TestServers>> Shared = new(StartAsync);
    private static readonly SemaphoreSlim CloneLock = new(1, 1);

    /// <summary>
    /// Stops the server when the test process is gone, however it ended: the test host may be killed before its
    /// exit handlers finish, and a server left running would hold its port and data folder. With CLEANUP_DIR
    /// set, the folder goes too once the server has stopped.
    /// </summary>
    internal const string Watchdog = """
        ( while kill -0 "$WATCH_PID" 2>/dev/null; do sleep 1; done
          kill -TERM $$ 2>/dev/null; while kill -0 $$ 2>/dev/null; do sleep 0.2; done
          [ -z "${CLEANUP_DIR:-}" ] || rm -rf "$CLEANUP_DIR" ) &

        """;

    private readonly string _templateDatabase = "polarflow_template_" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<Action> _stops = [];
    private bool _ownsPostgres;

    public static Task<TestServers> GetAsync() => Shared.Value;

    /// <summary>Connection string to the server's maintenance database (no Database= of our own).</summary>
    public string PostgresServer { get; private set; } = "";

    public string Redis { get; private set; } = "";

    /// <summary>A pooled connection string for a database (only the template must not be pooled: it is cloned).</summary>
    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>A new, migrated database of its own (a clone of the template, ~50 ms).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "polarflow_test_" + Guid.NewGuid().ToString("N")[..12];
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync(PostgresServer, $"CREATE DATABASE \"{name}\" TEMPLATE \"{_templateDatabase}\"");
        }
        finally
        {
            CloneLock.Release();
        }
        return ConnectionStringFor(name);
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(PostgresServer, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    private static async Task<TestServers> StartAsync()
    {
        var servers = new TestServers();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => servers.Stop();

        var givenPostgres = Environment.GetEnvironmentVariable("POLARFLOW_TEST_POSTGRES");
        var givenRedis = Environment.GetEnvironmentVariable("POLARFLOW_TEST_REDIS");
        LocalServerBinaries? binaries = null;
        if (string.IsNullOrWhiteSpace(givenPostgres) || string.IsNullOrWhiteSpace(givenRedis))
        {
            var search = LocalServerBinaries.Find();
            binaries = search.Binaries ?? throw new InvalidOperationException(
                $"The tests need PostgreSQL and Redis: {string.Join(" and ", search.Missing)} not found. {InfrastructureModeResolver.InstallAdvice} " +
                "Or set POLARFLOW_TEST_POSTGRES and POLARFLOW_TEST_REDIS to existing servers.");
        }

        var folder = Directory.CreateTempSubdirectory("polarflow-tests-").FullName;
        servers._stops.Add(() => Directory.Delete(folder, recursive: true));
        servers.PostgresServer = string.IsNullOrWhiteSpace(givenPostgres) ? await servers.StartPostgresAsync(binaries!, folder) : givenPostgres;
        servers.Redis = string.IsNullOrWhiteSpace(givenRedis) ? await servers.StartRedisAsync(binaries!, folder) : givenRedis;

        await servers.CreateTemplateAsync();
        return servers;
    }

    private async Task<string> StartPostgresAsync(LocalServerBinaries binaries, string folder)
    {
        const string password = "polarflow-tests";
        var port = LocalServerBinaries.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>
        {
            ["PGDATA"] = Path.Combine(folder, "postgres"),
            ["PG_BIN"] = binaries.PostgresBinDirectory,
            ["AS_POSTGRES"] = LocalServerBinaries.RunAsPostgres,
            ["POSTGRES_PASSWORD"] = password,
            ["PGPORT"] = port,
            ["WATCH_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CLEANUP_DIR"] = folder,
        };

        var init = await ProcessRunner.RunAsync("/bin/sh", ["-c", LocalServers.InitPostgresScript], environment, folder);
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException("initdb failed:\n" + init.Output);
        }

        var server = StartBackground("/bin/sh", ["-c", Watchdog + LocalServers.RunPostgresScript], environment, folder);
        _stops.Insert(0, () => StopProcess(server, ProcessRunner.SigTerm));

        _ownsPostgres = true;
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false";
        await WaitUntilAsync(async () => await ExecuteAsync(connectionString, "SELECT 1"), server, "PostgreSQL");
        return connectionString;
    }

    private async Task<string> StartRedisAsync(LocalServerBinaries binaries, string folder)
    {
        var port = LocalServerBinaries.FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var server = StartBackground("/bin/sh",
            ["-c", Watchdog + $"exec \"{binaries.RedisServer}\" --port {port} --bind 127.0.0.1 --save '' --appendonly no --dir \"{folder}\""],
            new() { ["WATCH_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, folder);
        _stops.Insert(0, () => StopProcess(server, ProcessRunner.SigTerm));

        var connectionString = $"127.0.0.1:{port}";
        await WaitUntilAsync(async () =>
        {
            await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(connectionString + ",abortConnect=true,connectTimeout=1000");
            await redis.GetDatabase().PingAsync();
        }, server, "Redis");
        return connectionString;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync(PostgresServer, $"CREATE DATABASE \"{_templateDatabase}\"");
        // Pooling off: CREATE DATABASE ... TEMPLATE fails while any session is still connected to the template.
        var template = new NpgsqlConnectionStringBuilder(ConnectionStringFor(_templateDatabase)) { Pooling = false }.ConnectionString;
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PolarFlowDbContext>();
        Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions.UseNpgsql(options, template);
        PolarFlowDbContext.ConfigureOptions(options);
        await using var db = new PolarFlowDbContext(options.Options);
        await db.MigrateWithRetriesAsync(CancellationToken.None);
        if (!_ownsPostgres)
        {
            _stops.Insert(0, () => ExecuteAsync(PostgresServer, $"DROP DATABASE IF EXISTS \"{_templateDatabase}\" WITH (FORCE)").Wait(TimeSpan.FromSeconds(10)));
        }
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static Process StartBackground(string program, IEnumerable<string> args, Dictionary<string, string> environment, string folder)
    {
        var info = new ProcessStartInfo(program, args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitUntilAsync(Func<Task> probe, Process server, string name)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception ex) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !server.HasExited)
            {
                _ = ex;
                await Task.Delay(200);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"{name} did not start for the tests (exited: {server.HasExited}).", ex);
            }
        }
    }

    internal static void StopProcess(Process process, int signal)
    {
        if (process.HasExited)
        {
            return;
        }
        ProcessRunner.Signal(process.Id, signal);
        if (!process.WaitForExit(TimeSpan.FromSeconds(15)))
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private void Stop()
    {
        foreach (var stop in _stops)
        {
            try
            {
                stop();
            }
            catch (Exception)
            {
                // Best effort at exit: a server that is already gone is what we want anyway.
            }
        }
        _stops.Clear();
    }
}
