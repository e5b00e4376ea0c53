using Npgsql;

namespace PolarFlow.Data;

/// <summary>
/// `PolarFlow:Database`: how long a connection attempt and a command may take. A hung server holds a caller for
/// these, whatever its cancellation token says (opening a connection to it can block the thread), so they are what
/// bounds a request or a sync step while PostgreSQL hangs. A connection string's own `Timeout` wins.
/// </summary>
public sealed class DatabaseTimeouts
{
    public const string Section = "PolarFlow:Database";

    public int ConnectTimeoutSeconds { get; set; } = 5;

    public int CommandTimeoutSeconds { get; set; } = 30;

    private static class NpgsqlConnectionStringBuilderDefaults
    {
        public const int Timeout = 15;
    }

    public string? Apply(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString)) return connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Timeout == NpgsqlConnectionStringBuilderDefaults.Timeout) builder.Timeout = ConnectTimeoutSeconds;
        return builder.ConnectionString;
    }
}
