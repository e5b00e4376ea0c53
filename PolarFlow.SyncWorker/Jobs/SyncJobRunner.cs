using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.SyncWorker.Budget;
using PolarFlow.SyncWorker.Steps;

namespace PolarFlow.SyncWorker.Jobs;

/// <summary>
/// Runs one leased job: each data type's step fetches from Polar, then writes in its own transaction; a failing
/// step is recorded and the others go on, and what a step fetched before part of it failed is kept. The job then
/// comes back for the failed types alone after a doubling backoff (`Sync:StepRetryDelay`, `Sync:MaxAttempts`), not
/// at the next scheduled sync. 401 and 403 disconnect the user; a spent rate budget puts the job back until the
/// reset; new or changed rows move the user's data version.
/// </summary>
public sealed partial class SyncJobRunner(
    IServiceScopeFactory scopes, IEnumerable<SyncStep> steps, PolarTokenProtector tokens, RedisRateBudget budget,
    IOptions<SyncOptions> options, SyncTelemetry telemetry, TimeProvider time, ILogger<SyncJobRunner> logger)
{
    public sealed record Outcome(SyncJobStatus Status, int Changed, IReadOnlyDictionary<string, object> Steps);

    /// <summary>Leases and runs the next due job; false when there was none.</summary>
    public async Task<bool> RunNextAsync(string worker, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<SyncJobQueue>();
        if (await queue.LeaseAsync(worker, options.Value.Lease, ct) is not { } job) return false;
        telemetry.JobWait.Record((time.GetUtcNow() - job.QueuedAt).TotalSeconds, new KeyValuePair<string, object?>("trigger", job.Trigger.ToString()));
        await RunAsync(job, worker, ct);
        return true;
    }

    public async Task RunAsync(SyncJob job, string worker, CancellationToken ct)
    {
        using var activity = SyncTelemetry.Source.StartActivity("Sync job");
        activity?.SetTag("polarflow.trigger", job.Trigger.ToString());
        activity?.SetTag("polarflow.attempt", job.Attempt);
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewLeaseAsync(job, worker, leaseLost);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
            var queue = scope.ServiceProvider.GetRequiredService<SyncJobQueue>();
            var result = await RunStepsAsync(job, db, scope.ServiceProvider, leaseLost.Token);
            if (result.Retry is { } retry)
            {
                await queue.RetryAsync(job, worker, retry.DataTypes, retry.At, result.Error!, JsonSerializer.Serialize(result.Steps), ct);
                telemetry.Jobs.Add(1, new KeyValuePair<string, object?>("outcome", "retrying"));
                LogRetrying(logger, job.Id, string.Join(", ", retry.DataTypes), retry.At);
                return;
            }
            if (result.Postpone is { } until)
            {
                await queue.PostponeAsync(job, worker, until, result.Error ?? "waiting for Polar's rate limit", ct);
                telemetry.Jobs.Add(1, new KeyValuePair<string, object?>("outcome", "postponed"));
                return;
            }
            await queue.CompleteAsync(job, worker, result.Status, result.Error, JsonSerializer.Serialize(result.Steps), ct);
            telemetry.Jobs.Add(1, new KeyValuePair<string, object?>("outcome", result.Status.ToString()));
            LogJobEnded(logger, job.Id, result.Status, result.Changed);
        }
        catch (OperationCanceledException) when (leaseLost.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            LogLeaseLost(logger, job.Id); // another worker owns the job now; it will finish it
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or DbUpdateException or TimeoutException)
        {
            // The database is down or failing: the job goes back with a backoff and is tried again later.
            LogDatabaseFailure(logger, ex, job.Id);
            await TryPostponeAsync(job, worker, ex.Message, ct);
        }
        finally
        {
            await leaseLost.CancelAsync();
            await renewal;
        }
    }

    private sealed record RunResult(SyncJobStatus Status, int Changed, Dictionary<string, object> Steps, string? Error, DateTimeOffset? Postpone)
    {
        public (string[] DataTypes, DateTimeOffset At)? Retry { get; init; }
    }

    private async Task<RunResult> RunStepsAsync(SyncJob job, PolarFlowDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var results = PreviousResults(job);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == job.UserId, ct);
        if (user is not { ConnectionState: ConnectionState.Connected, EncryptedAccessToken: { } encrypted })
        {
            return new RunResult(SyncJobStatus.Failed, 0, results, "The user is not connected to Polar.", null);
        }

        var scheduled = job.Trigger is SyncJobTrigger.Scheduled or SyncJobTrigger.Startup;
        if (await budget.WaitNeededAsync(scheduled, options.Value.ScheduledReserve) is { } wait)
        {
            return new RunResult(SyncJobStatus.Queued, 0, results, $"Waiting {RedisRateBudget.Describe(wait)} for Polar's rate limit", time.GetUtcNow() + wait);
        }

        var client = services.GetRequiredService<AccessLinkClient>();
        var token = tokens.Unprotect(encrypted);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var wanted = job.DataTypes.Length == 0 ? steps : steps.Where(s => job.DataTypes.Contains(s.DataType));
        // A scheduled full sync reads each type as often as it changes; a job that names its types reads them.
        var clock = scheduled && job.DataTypes.Length == 0 ? await ClockAsync(db, job.UserId, ct) : null;
        var changed = 0;
        var failedTypes = new List<string>();
        foreach (var step in wanted)
        {
            var found = await db.SyncCursors
                .SingleOrDefaultAsync(c => c.UserId == job.UserId && c.DataType == step.DataType, ct);
            if (clock is not null && !step.Cadence.IsDue(step.DataType, found, clock))
            {
                var why = clock.Covered.Contains(step.DataType)
                    ? "Polar's webhook announces it"
                    : step.Cadence.Describe();
                results[step.DataType] = new { skipped = $"not due: {why}" };
                continue;
            }
            using var stepActivity = SyncTelemetry.Source.StartActivity("Sync step " + step.DataType);
            var cursor = found
                ?? db.SyncCursors.Add(new SyncCursor { UserId = job.UserId, DataType = step.DataType }).Entity;
            cursor.LastAttemptAt = time.GetUtcNow();
            try
            {
                var pending = await step.FetchAsync(new SyncContext(job.UserId, token, client, db, cursor, today, options.Value,
                    job.Trigger), ct);
                var stepChanged = await WriteAsync(db, cursor, pending, ct);
                changed += stepChanged;
                telemetry.Records.Add(stepChanged, new KeyValuePair<string, object?>("data_type", step.DataType));
                results[step.DataType] = (pending.Missing, pending.Deferred) switch
                {
                    (null, null) => new { fetched = pending.Fetched, changed = stepChanged },
                    (null, { } later) => new { fetched = pending.Fetched, changed = stepChanged, deferred = later },
                    _ => new
                    {
                        fetched = pending.Fetched, changed = stepChanged, error = "Incomplete", message = pending.Missing,
                    },
                };
                if (pending.Missing is not null)
                {
                    failedTypes.Add(step.DataType);
                    await SaveCursorErrorAsync(db, job.UserId, step.DataType, pending.Missing, ct);
                }
            }
            catch (AccessLinkException ex) when (ex.Kind is AccessLinkErrorKind.TokenRevoked or AccessLinkErrorKind.ConsentMissing)
            {
                var state = ex.Kind == AccessLinkErrorKind.TokenRevoked ? ConnectionState.TokenRevoked : ConnectionState.ConsentMissing;
                // Only the token this job used: a user connected again meanwhile keeps the new one's state.
                await db.Users.Where(u => u.UserId == job.UserId && u.EncryptedAccessToken == encrypted).ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.ConnectionState, state).SetProperty(u => u.ConnectionStateReason, ex.Message).SetProperty(u => u.UpdatedAt, time.GetUtcNow()), ct);
                results[step.DataType] = new { error = state.ToString() };
                return new RunResult(SyncJobStatus.Failed, changed, results, $"Polar refused the user's token: {state}", null);
            }
            catch (AccessLinkException ex) when (ex.Kind == AccessLinkErrorKind.RateLimited)
            {
                var resume = time.GetUtcNow() + (ex.RateLimit?.WaitUntilReset is { TotalSeconds: > 0 } r ? r : TimeSpan.FromMinutes(1));
                results[step.DataType] = new { error = "rate limited" };
                return new RunResult(SyncJobStatus.Queued, changed, results, ex.Message, resume);
            }
            catch (AccessLinkException ex)
            {
                failedTypes.Add(step.DataType);
                db.ChangeTracker.Clear();
                await SaveCursorErrorAsync(db, job.UserId, step.DataType, ex.Message, ct);
                results[step.DataType] = new { error = ex.Kind.ToString(), message = ex.Message };
                stepActivity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            }
        }

        if (failedTypes.Count == 0) return new RunResult(SyncJobStatus.Succeeded, changed, results, null, null);
        if (job.Attempt < options.Value.MaxAttempts)
        {
            var at = time.GetUtcNow() + RetryDelay(job.Attempt);
            var reason = $"Retrying {string.Join(", ", failedTypes)} at {at:u} (attempt {job.Attempt + 1} of {options.Value.MaxAttempts})";
            return new RunResult(SyncJobStatus.Queued, changed, results, reason, null) { Retry = ([.. failedTypes], at) };
        }
        var failedAll = failedTypes.Count == results.Count;
        return new RunResult(failedAll ? SyncJobStatus.Failed : SyncJobStatus.PartiallySucceeded, changed, results,
            $"{string.Join(", ", failedTypes)} failed after {job.Attempt} attempts; the next scheduled sync tries again", null);
    }

    /// <summary>
    /// Now, the user's time zone (the offset of their latest night; UTC without one), the base interval, and what the
    /// deployment's Polar webhook announces.
    /// </summary>
    private async Task<ScheduleClock> ClockAsync(PolarFlowDbContext db, string userId, CancellationToken ct)
    {
        var offset = await db.LatestOffsetMinutes(userId).FirstOrDefaultAsync(ct) ?? 0;
        var events = await db.PolarWebhooks.AsNoTracking().Select(w => w.Events).ToListAsync(ct);
        var covered = SyncDataTypes.CoveredBy(events.SelectMany(e => e));
        var interval = TimeSpan.FromHours(options.Value.IntervalHours);
        return new ScheduleClock(time.GetUtcNow(), TimeSpan.FromMinutes(offset), interval, covered,
            options.Value.WebhookSafetyNet);
    }

    /// <summary>What earlier attempts of this job did, so a retry of two types still reports all of them.</summary>
    private static Dictionary<string, object> PreviousResults(SyncJob job) =>
        job.StepResults is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(job.StepResults)!
            .ToDictionary(kv => kv.Key, kv => (object)kv.Value);

    /// <summary>The rows, the cursor and the user's new data version commit together or not at all.</summary>
    private async Task<int> WriteAsync(PolarFlowDbContext db, SyncCursor cursor, PendingWrite pending, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = await pending.Write(db, ct);
            if (changed > 0)
            {
                // The new version commits with the rows: cached analytics can never outlive the data they came from.
                await db.BumpDataVersionAsync(cursor.UserId, ct);
            }
            if (!pending.Partial)
            {
                cursor.LastSuccessAt = time.GetUtcNow();
                cursor.LastError = null;
            }
            cursor.BackfillCompletedAt ??= time.GetUtcNow();
            if (pending.NewestDate is { } newest && (cursor.NewestDate is null || newest > cursor.NewestDate)) cursor.NewestDate = newest;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return changed;
        });

    private async Task SaveCursorErrorAsync(PolarFlowDbContext db, string userId, string dataType, string error, CancellationToken ct)
    {
        var cursor = await db.SyncCursors.SingleOrDefaultAsync(c => c.UserId == userId && c.DataType == dataType, ct)
            ?? db.SyncCursors.Add(new SyncCursor { UserId = userId, DataType = dataType }).Entity;
        cursor.LastAttemptAt = time.GetUtcNow();
        cursor.LastError = error.Length > 500 ? error[..500] : error;
        await db.SaveChangesAsync(ct);
    }

    private async Task TryPostponeAsync(SyncJob job, string worker, string reason, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var backoff = RetryDelay(job.Attempt);
            await scope.ServiceProvider.GetRequiredService<SyncJobQueue>().PostponeAsync(job, worker, time.GetUtcNow() + backoff, reason, ct);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            // Still down: the lease will expire and another attempt will take the job.
            LogDatabaseFailure(logger, ex, job.Id);
        }
    }

    /// <summary>The doubling backoff after a failed attempt (`Sync:StepRetryDelay`, 1, 2, 4, ... minutes), at most an hour.</summary>
    private TimeSpan RetryDelay(int attempt)
    {
        var doubled = options.Value.StepRetryDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 12));
        return doubled < TimeSpan.FromHours(1) ? doubled : TimeSpan.FromHours(1);
    }

    private async Task RenewLeaseAsync(SyncJob job, string worker, CancellationTokenSource leaseLost)
    {
        var every = options.Value.Lease / 3;
        try
        {
            while (!leaseLost.IsCancellationRequested)
            {
                await Task.Delay(every, time, leaseLost.Token);
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<SyncJobQueue>().RenewAsync(job, worker, options.Value.Lease, leaseLost.Token))
                {
                    await leaseLost.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended (or the lease was lost): stop renewing.
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
        {
            LogDatabaseFailure(logger, ex, job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId}: {DataTypes} failed; trying them again at {At}")]
    private static partial void LogRetrying(ILogger logger, Guid jobId, string dataTypes, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync job {JobId} ended {Status}: {Changed} rows inserted or changed")]
    private static partial void LogJobEnded(ILogger logger, Guid jobId, SyncJobStatus status, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync job {JobId}: the lease was lost, another worker has it")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync job {JobId}: the database failed; the job will be tried again")]
    private static partial void LogDatabaseFailure(ILogger logger, Exception exception, Guid jobId);
}
