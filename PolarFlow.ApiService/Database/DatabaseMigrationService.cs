using System.Diagnostics;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Database;

/// <summary>
/// Applies EF Core migrations when the ApiService starts, before it reports healthy. The SyncWorker waits for
/// the ApiService, so it never sees an old schema.
/// </summary>
public sealed partial class DatabaseMigrationService(
    IServiceProvider services, MigrationStatus status, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public static readonly ActivitySource ActivitySource = new("PolarFlow.ApiService.Migrations");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity("Migrate database");
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
            await db.MigrateWithRetriesAsync(cancellationToken);
            status.MarkCompleted();
            LogMigrated(logger, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (Exception ex)
        {
            activity?.AddException(ex);
            activity?.SetStatus(ActivityStatusCode.Error);
            status.MarkFailed(ex.Message);
            LogFailed(logger, ex);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Seconds:F1} s)")]
    private static partial void LogMigrated(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database migration failed; the API cannot start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
