using System.Diagnostics;
using System.Globalization;
using PolarFlow.AppHost.Infrastructure;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL or Redis of one test's own, which the test may hang (SIGSTOP on every server process: connections
/// stay open and nothing answers, as a stuck VM or a full disk does), resume, kill, stop and start again on the same
/// port and data. The shared servers are never touched, so other tests run on undisturbed.
/// </summary>
public sealed class FaultyServer : IAsyncDisposable
{
    private readonly Func<Process> _start;
    private readonly Func<Task> _probe;
    private readonly Func<IReadOnlyList<int>> _pids;
    private readonly string _folder;
    private Process _server;

    private FaultyServer(string name, string connectionString, string folder, Func<Process> start, Func<Task> probe, Func<Process, IReadOnlyList<int>> pids)
    {
        Name = name;
        ConnectionString = connectionString;
        _folder = folder;
        _start = start;
        _probe = probe;
        _server = start();
        _pids = () => pids(_server);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<FaultyServer> StartRedisAsync()
    {
        var binaries = Binaries();
        var folder = Directory.CreateTempSubdirectory("polarflow-faulty-redis-").FullName;
        var port = LocalServerBinaries.FreeTcpPort().ToString(CultureInfo.InvariantCulture);
        var connectionString = $"127.0.0.1:{port}";
        var server = new FaultyServer("Redis", connectionString, folder,
            () => TestServers.StartBackground("/bin/sh",
                ["-c", TestServers.Watchdog + $"exec \"{binaries.RedisServer}\" --port {port} --bind 127.0.0.1 --save '' --appendonly no --dir \"{folder}\""],
                new() { ["WATCH_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture) }, folder),
            async () =>
            {
                await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(connectionString + ",abortConnect=true,connectTimeout=1000");
                await redis.GetDatabase().PingAsync();
            },
            process => [process.Id]); // the shell execs redis-server
        await server.WaitUntilUpAsync();
        return server;
    }

    public static async Task<FaultyServer> StartPostgresAsync()
    {
        const string password = "polarflow-faults";
        var binaries = Binaries();
        var folder = Directory.CreateTempSubdirectory("polarflow-faulty-postgres-").FullName;
        var port = LocalServerBinaries.FreeTcpPort().ToString(CultureInfo.InvariantCulture);
        var pgData = Path.Combine(folder, "postgres");
        var environment = new Dictionary<string, string>
        {
            ["PGDATA"] = pgData,
            ["PG_BIN"] = binaries.PostgresBinDirectory,
            ["AS_POSTGRES"] = LocalServerBinaries.RunAsPostgres,
            ["POSTGRES_PASSWORD"] = password,
            ["PGPORT"] = port,
            ["WATCH_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        };
        var init = await ProcessRunner.RunAsync("/bin/sh", ["-c", LocalServers.InitPostgresScript], environment, folder);
        if (init.ExitCode != 0) throw new InvalidOperationException("initdb failed:\n" + init.Output);

        var maintenance = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Pooling=false;Timeout=2";
        var server = new FaultyServer("PostgreSQL", $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=polarflow", folder,
            () => TestServers.StartBackground("/bin/sh", ["-c", TestServers.Watchdog + LocalServers.RunPostgresScript], environment, folder),
            () => TestServers.ExecuteAsync(maintenance, "SELECT 1"),
            _ => PostmasterAndChildren(pgData));
        await server.WaitUntilUpAsync();
        await TestServers.ExecuteAsync(maintenance, "CREATE DATABASE polarflow");
        return server;
    }

    /// <summary>Every server process stops where it is: sockets stay open, nothing answers.</summary>
    public void Hang()
    {
        foreach (var pid in _pids()) ProcessRunner.Signal(pid, ProcessRunner.SigStop);
    }

    public void Resume()
    {
        foreach (var pid in _pids()) ProcessRunner.Signal(pid, ProcessRunner.SigCont);
    }

    /// <summary>Gone at once, as a crash or an OOM kill leaves it.</summary>
    public async Task KillAsync()
    {
        foreach (var pid in _pids()) ProcessRunner.Signal(pid, ProcessRunner.SigKill);
        // Not WaitForExitAsync: it also waits for the output pipes, which the watchdog's subshell keeps open.
        var clock = Stopwatch.StartNew();
        while (!_server.HasExited && clock.Elapsed < TimeSpan.FromSeconds(15)) await Task.Delay(50);
    }

    /// <summary>A clean stop (PostgreSQL's fast shutdown: sessions are ended).</summary>
    public Task StopAsync()
    {
        TestServers.StopProcess(_server, ProcessRunner.SigTerm);
        return Task.CompletedTask;
    }

    /// <summary>Starts the server again on the same port and data, and waits until it answers.</summary>
    public async Task StartAgainAsync()
    {
        _server = _start();
        await WaitUntilUpAsync();
    }

    private Task WaitUntilUpAsync() => TestServers.WaitUntilAsync(_probe, _server, Name);

    public ValueTask DisposeAsync()
    {
        Resume();
        TestServers.StopProcess(_server, ProcessRunner.SigTerm);
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files; the folder is under /tmp.
        }
        return ValueTask.CompletedTask;
    }

    private static LocalServerBinaries Binaries() =>
        LocalServerBinaries.Find().Binaries ?? throw new InvalidOperationException("The fault tests need the machine's postgres and redis-server.");

    /// <summary>The postmaster (from postmaster.pid) and its children: the backends and background workers.</summary>
    private static IReadOnlyList<int> PostmasterAndChildren(string pgData)
    {
        var file = Path.Combine(pgData, "postmaster.pid");
        if (!File.Exists(file) || !int.TryParse(File.ReadLines(file).First(), out var postmaster)) return [];
        var pids = new List<int> { postmaster };
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster) pids.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return pids;
    }
}
