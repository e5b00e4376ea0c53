using Npgsql;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Database;

/// <summary>
/// PostgreSQL's word that something the API keeps in memory changed: triggers on `users` (a new data version, a
/// deleted user) and `api_keys` (a revoked or deleted key) send `pg_notify('polarflow_changes', 'user:&lt;id&gt;')` or
/// `'key:&lt;id&gt;'` in the writer's transaction, so every replica hears of a commit as it happens. While the
/// listening connection is down (or has not proved alive in the last second or two), <see cref="IsLive"/> is false and
/// the caches step aside; when it comes back they start empty, since a notification sent meanwhile is lost.
/// </summary>
public sealed partial class ChangeFeed(IConfiguration configuration, ILogger<ChangeFeed> logger) : BackgroundService
{
    public const string Channel = "polarflow_changes";

    /// <summary>The listening connection's name in `pg_stat_activity`.</summary>
    public const string ApplicationName = "polarflow-change-feed";

    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private volatile bool _live;

    /// <summary>Whether notifications arrive now; a cache may only answer from memory while this is true.</summary>
    public bool IsLive => _live;

    /// <summary>
    /// A change (its payload, such as `user:42`), or null when everything must be forgotten (the feed was down).
    /// </summary>
    public event Action<string?>? Changed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configured = configuration.GetConnectionString(DataExtensions.ConnectionName);
        var connectionString = new NpgsqlConnectionStringBuilder(configured)
        {
            Pooling = false, // a connection of its own, which LISTEN keeps
            ApplicationName = ApplicationName,
        }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Raise(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                Raise(null); // whatever changed before LISTEN was not heard
                _live = true;
                LogListening(logger);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await connection.WaitAsync(Quiet, stoppingToken)) continue;
                    // A quiet second: the connection proves it is alive, so a silent break cannot pass for quiet.
                    await using var ping = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 1 };
                    await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                if (_live) LogLost(logger, ex.Message);
                _live = false;
                Raise(null);
                try { await Task.Delay(Quiet, stoppingToken); } catch (OperationCanceledException) { }
            }
        }
        _live = false;
    }

    private void Raise(string? payload) => Changed?.Invoke(payload);

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for changes (users, API keys) on " + Channel)]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The change feed is down; users and keys are read from PostgreSQL until it is back: {Reason}")]
    private static partial void LogLost(ILogger logger, string reason);
}
