using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Jobs;

/// <summary>
/// Queues a sync for every connected user at start-up (`SYNC_ON_STARTUP`) and whenever their last one is older than
/// `SYNC_INTERVAL_HOURS`. Safe with many replicas: the one-active-job-per-user index lets only one insert win.
/// </summary>
public sealed partial class SyncScheduler(IServiceScopeFactory scopes, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SyncOnStartup)
        {
            await RunSafelyAsync(() => EnqueueAsync(SyncJobTrigger.Startup, TimeSpan.Zero, stoppingToken), stoppingToken);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunSafelyAsync(() => EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(options.Value.IntervalHours), stoppingToken), stoppingToken);
            await Task.Delay(options.Value.SchedulerPeriod, time, stoppingToken);
        }
    }

    /// <summary>
    /// Queues jobs for connected users with no active job and no full sync begun within <paramref name="interval"/>.
    /// Webhook jobs touch a few data types, so they do not count: the scheduled sync is the safety net for the rest.
    /// </summary>
    public async Task<int> EnqueueAsync(SyncJobTrigger trigger, TimeSpan interval, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
        var now = time.GetUtcNow();
        var since = now - interval;
        var queued = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO polarflow.sync_jobs (user_id, id, trigger, status, priority, data_types, queued_at, not_before, attempt, follow_up_requested, follow_up_data_types)
            SELECT u.user_id, gen_random_uuid(), {trigger.ToString()}, 'Queued', {SyncJobQueue.PriorityOf(trigger)}, ARRAY[]::text[], {now}, {now}, 0, false, ARRAY[]::text[]
            FROM polarflow.users u
            WHERE u.connection_state = 'Connected'
              AND NOT EXISTS (SELECT 1 FROM polarflow.sync_jobs j WHERE j.user_id = u.user_id
                              AND (j.status IN ('Queued', 'Running') OR (j.started_at IS NOT NULL AND j.started_at > {since} AND cardinality(j.data_types) = 0)))
            ON CONFLICT (user_id) WHERE status IN ('Queued', 'Running') DO NOTHING
            """, ct);
        if (queued > 0) LogQueued(logger, queued, trigger);
        return queued;
    }

    private async Task RunSafelyAsync(Func<Task> work, CancellationToken ct)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} {Trigger} sync job(s)")]
    private static partial void LogQueued(ILogger logger, int count, SyncJobTrigger trigger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduling syncs failed; trying again next period")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
