using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;

namespace PolarFlow.AppHost.Infrastructure;

/// <summary>
/// Local mode: the AppHost runs the machine's own initdb, postgres and redis-server as executable resources,
/// on free loopback ports, with data in <see cref="LocalDataFolder"/> and readiness checks that run a query.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class LocalServers
{
    /// <summary>initdb once (as `postgres` when root), with a password, into a folder the server owns.</summary>
    public const string InitPostgresScript = """
        set -eu
        if [ -f "$PGDATA/PG_VERSION" ]; then echo "Using the PostgreSQL cluster in $PGDATA"; exit 0; fi
        mkdir -p "$PGDATA"
        chmod 755 "$(dirname "$PGDATA")"
        pwfile="$(dirname "$PGDATA")/.initdb-password"
        trap 'rm -f "$pwfile"' EXIT
        (umask 077; printf '%s' "$POSTGRES_PASSWORD" > "$pwfile")
        if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA" "$pwfile"; fi
        $AS_POSTGRES "$PG_BIN/initdb" -D "$PGDATA" -U postgres -A scram-sha-256 --pwfile="$pwfile" -E UTF8 --no-locale
        """;

    /// <summary>
    /// Runs postgres and turns the stop signal into a fast shutdown (SIGINT to the postmaster), so stopping the
    /// AppHost never waits on idle connections and never leaves the server behind.
    /// </summary>
    public const string RunPostgresScript = """
        set -u
        $AS_POSTGRES "$PG_BIN/postgres" -D "$PGDATA" -p "$PGPORT" -c listen_addresses=127.0.0.1 -c unix_socket_directories= &
        server=$!
        stop() { pid=$(head -n 1 "$PGDATA/postmaster.pid" 2>/dev/null || true); [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null; }
        trap stop TERM INT HUP
        status=0
        while kill -0 "$server" 2>/dev/null; do wait "$server" || status=$?; done
        exit "$status"
        """;

    public static PolarFlowInfrastructure Add(IDistributedApplicationBuilder builder, LocalServerBinaries binaries)
    {
        var folder = LocalDataFolder.Resolve(builder.Configuration, builder.AppHostDirectory);
        Directory.CreateDirectory(folder);
        var password = LocalDataFolder.GetOrCreatePassword(folder);
        var passwordParameter = builder.AddParameter("local-servers-password", password, secret: true);
        var pgPort = Port(builder, "PolarFlow:PostgresPort");
        var redisPort = Port(builder, "PolarFlow:RedisPort");
        var pgData = Path.Combine(folder, "postgres");

        var init = builder.AddExecutable("postgres-init", "/bin/sh", folder, "-c", InitPostgresScript)
            .WithEnvironment("PGDATA", pgData)
            .WithEnvironment("PG_BIN", binaries.PostgresBinDirectory)
            .WithEnvironment("AS_POSTGRES", LocalServerBinaries.RunAsPostgres)
            .WithEnvironment("POSTGRES_PASSWORD", passwordParameter);

        builder.Services.AddHealthChecks().AddNpgSql(
            $"Host=127.0.0.1;Port={pgPort};Username=postgres;Password={password};Database=postgres;Timeout=5",
            name: "postgres-accepts-queries");
        var postgres = builder.AddExecutable("postgres", "/bin/sh", folder, "-c", RunPostgresScript)
            .WithEnvironment("PGDATA", pgData)
            .WithEnvironment("PG_BIN", binaries.PostgresBinDirectory)
            .WithEnvironment("AS_POSTGRES", LocalServerBinaries.RunAsPostgres)
            .WithEnvironment("PGPORT", pgPort)
            .WithEndpoint(name: "tcp", port: int.Parse(pgPort, CultureInfo.InvariantCulture), scheme: "tcp", isProxied: false)
            .WaitForCompletion(init)
            .WithHealthCheck("postgres-accepts-queries");

        var redisFolder = Path.Combine(folder, "redis");
        var redisConfig = WriteRedisConfig(redisFolder, password);
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{redisPort},password={password}", name: "redis-answers");
        var redis = builder.AddExecutable("redis", binaries.RedisServer, redisFolder, redisConfig, "--port", redisPort)
            .WithEndpoint(name: "tcp", port: int.Parse(redisPort, CultureInfo.InvariantCulture), scheme: "tcp", isProxied: false)
            .WithHealthCheck("redis-answers");

        var database = builder.AddConnectionString("polarflow", ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={pgPort};Username=postgres;Password={passwordParameter};Database=polarflow"));
        var cache = builder.AddConnectionString("cache", ReferenceExpression.Create(
            $"127.0.0.1:{redisPort},password={passwordParameter}"));
        return new PolarFlowInfrastructure(InfrastructureMode.Local, database, cache, [postgres, redis]);
    }

    private static string Port(IDistributedApplicationBuilder builder, string key) =>
        (builder.Configuration.GetValue<int?>(key) ?? LocalServerBinaries.FreeTcpPort()).ToString(CultureInfo.InvariantCulture);

    /// <summary>The password goes in a file only this user reads, not on a command line every user can see.</summary>
    private static string WriteRedisConfig(string folder, string password)
    {
        Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(folder, "redis.conf");
        File.WriteAllText(path, $"""
            # Written by the PolarFlow AppHost at each start (local mode). Redis holds only caches and counters.
            bind 127.0.0.1
            protected-mode yes
            requirepass {password}
            dir {folder}
            save ""
            appendonly no

            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }
}
