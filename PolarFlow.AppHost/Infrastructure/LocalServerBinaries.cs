using System.Net;
using System.Net.Sockets;

namespace PolarFlow.AppHost.Infrastructure;

/// <summary>
/// The machine's own PostgreSQL and Redis programs. Shared by the AppHost's local mode and the tests, which
/// start the same servers the same way.
/// </summary>
public sealed record LocalServerBinaries(string PostgresBinDirectory, string RedisServer)
{
    public sealed record Search(LocalServerBinaries? Binaries, IReadOnlyList<string> Missing);

    public string InitDb => Path.Combine(PostgresBinDirectory, "initdb");

    public string Postgres => Path.Combine(PostgresBinDirectory, "postgres");

    /// <summary>PostgreSQL refuses to run as root; as root it runs as the `postgres` user.</summary>
    public static bool RunsAsRoot => Environment.IsPrivilegedProcess;

    /// <summary>The command prefix that starts a PostgreSQL program as the right user.</summary>
    public static string RunAsPostgres => RunsAsRoot ? "runuser -u postgres --" : "";

    /// <param name="postgresBinDirectory">`PolarFlow:PostgresBinDir`, when the servers are somewhere unusual.</param>
    public static Search Find(string? postgresBinDirectory = null)
    {
        var pgBin = postgresBinDirectory is { Length: > 0 } ? postgresBinDirectory : FindPostgresBinDirectory();
        var redis = FindOnPath("redis-server");
        var missing = new List<string>();
        if (pgBin is null || !File.Exists(Path.Combine(pgBin, "initdb")) || !File.Exists(Path.Combine(pgBin, "postgres")))
        {
            missing.Add("PostgreSQL's initdb/postgres");
        }
        if (redis is null)
        {
            missing.Add("redis-server");
        }
        if (RunsAsRoot && FindOnPath("runuser") is null)
        {
            missing.Add("runuser (util-linux)");
        }

        return new Search(missing.Count == 0 ? new LocalServerBinaries(pgBin!, redis!) : null, missing);
    }

    /// <summary>A TCP port nobody listens on now, so two checkouts or a test run beside a dev run never collide.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindPostgresBinDirectory()
    {
        // Debian keeps the server programs off PATH, one folder per major version; take the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
                .Where(x => File.Exists(Path.Combine(x.dir, "bin", "initdb")))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return FindOnPath("initdb") is { } initdb ? Path.GetDirectoryName(initdb) : null;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
