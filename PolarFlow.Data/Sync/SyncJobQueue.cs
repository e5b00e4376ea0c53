using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Sync;

/// <summary>
/// The durable sync queue in PostgreSQL, shared by every replica: one queued-or-running job per user (a
/// partial unique index), leased with FOR UPDATE SKIP LOCKED and a lease that the holder renews; a job whose
/// lease ran out (its worker died) is leased again by someone else.
/// </summary>
public sealed class SyncJobQueue(PolarFlowDbContext db, TimeProvider time)
{
    /// <summary>Lower runs first.</summary>
    public static int PriorityOf(SyncJobTrigger trigger) => trigger switch
    {
        SyncJobTrigger.Manual or SyncJobTrigger.Connect => 0,
        SyncJobTrigger.Webhook => 1,
        SyncJobTrigger.Startup => 5,
        _ => 9,
    };

    /// <summary>
    /// Queues a job, or folds the request into the user's active one: a queued job takes the union of data types
    /// and the higher priority; a running job is asked for a follow-up. Returns the user's active job.
    /// </summary>
    public async Task<SyncJob> EnqueueAsync(string userId, SyncJobTrigger trigger, IReadOnlyCollection<string>? dataTypes = null, CancellationToken ct = default)
    {
        var types = dataTypes?.Distinct().Order().ToArray() ?? [];
        var now = time.GetUtcNow();
        var job = new SyncJob { UserId = userId, Trigger = trigger, Priority = PriorityOf(trigger), DataTypes = types, QueuedAt = now, NotBefore = now };
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO polarflow.sync_jobs AS j (user_id, id, trigger, status, priority, data_types, queued_at, not_before, attempt, follow_up_requested, follow_up_data_types)
            VALUES ({userId}, {job.Id}, {trigger.ToString()}, 'Queued', {job.Priority}, {types}, {now}, {now}, 0, false, {Array.Empty<string>()})
            ON CONFLICT (user_id) WHERE status IN ('Queued', 'Running') DO UPDATE SET
              priority = LEAST(j.priority, EXCLUDED.priority),
              data_types = CASE WHEN j.status = 'Queued' THEN (CASE WHEN cardinality(j.data_types) = 0 OR cardinality(EXCLUDED.data_types) = 0
                  THEN ARRAY[]::text[] ELSE ARRAY(SELECT DISTINCT unnest(j.data_types || EXCLUDED.data_types) ORDER BY 1) END) ELSE j.data_types END,
              follow_up_requested = j.follow_up_requested OR j.status = 'Running',
              follow_up_data_types = CASE WHEN j.status <> 'Running' THEN j.follow_up_data_types
                  WHEN (j.follow_up_requested AND cardinality(j.follow_up_data_types) = 0) OR cardinality(EXCLUDED.data_types) = 0 THEN ARRAY[]::text[]
                  ELSE ARRAY(SELECT DISTINCT unnest(j.follow_up_data_types || EXCLUDED.data_types) ORDER BY 1) END,
              follow_up_trigger = CASE WHEN j.status = 'Running' THEN EXCLUDED.trigger ELSE j.follow_up_trigger END
            """, ct);
        return await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId && (j.Status == SyncJobStatus.Queued || j.Status == SyncJobStatus.Running), ct);
    }

    /// <summary>
    /// What a Polar webhook event asks of the sync: a job for the types it touches
    /// (<see cref="SyncDataTypes.ForWebhookEvent"/>) and, for an EXERCISE event, the exercise it names, which that job
    /// then fetches by id instead of listing them all. False for an event the sync does not act on.
    /// </summary>
    public async Task<bool> AnnounceAsync(string userId, string polarEvent, string? entityId, CancellationToken ct = default)
    {
        if (SyncDataTypes.ForWebhookEvent(polarEvent) is not { } types) return false;
        if (polarEvent == "EXERCISE" && entityId is { Length: > 0 and <= 64 })
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO polarflow.exercise_announcements (user_id, exercise_id, announced_at)
                VALUES ({userId}, {entityId}, {time.GetUtcNow()}) ON CONFLICT DO NOTHING
                """, ct);
        }
        await EnqueueAsync(userId, SyncJobTrigger.Webhook, types, ct);
        return true;
    }

    /// <summary>Takes the most urgent due job (or one whose lease expired) for <paramref name="worker"/>.</summary>
    public async Task<SyncJob?> LeaseAsync(string worker, TimeSpan lease, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var jobs = await db.SyncJobs.FromSqlInterpolated($"""
            UPDATE polarflow.sync_jobs AS j SET status = 'Running', lease_owner = {worker}, lease_expires_at = {now + lease},
                   started_at = COALESCE(j.started_at, {now}), attempt = j.attempt + 1
            WHERE (j.user_id, j.id) = (
                SELECT user_id, id FROM polarflow.sync_jobs
                WHERE (status = 'Queued' AND not_before <= {now}) OR (status = 'Running' AND lease_expires_at < {now})
                ORDER BY priority, not_before
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING j.*
            """).AsNoTracking().ToListAsync(ct);
        return jobs.SingleOrDefault();
    }

    /// <summary>Extends the lease; false when it was lost (expired and taken by another worker).</summary>
    public async Task<bool> RenewAsync(SyncJob job, string worker, TimeSpan lease, CancellationToken ct = default) =>
        await db.SyncJobs.Where(j => j.UserId == job.UserId && j.Id == job.Id && j.Status == SyncJobStatus.Running && j.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, time.GetUtcNow() + lease), ct) == 1;

    /// <summary>Ends the job (only if this worker still holds it) and queues its follow-up, if one was asked for.</summary>
    public async Task<bool> CompleteAsync(SyncJob job, string worker, SyncJobStatus status, string? error, string stepResults, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var ended = await db.SyncJobs.Where(j => j.UserId == job.UserId && j.Id == job.Id && j.Status == SyncJobStatus.Running && j.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.Error, error)
                .SetProperty(j => j.StepResults, stepResults).SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct) == 1;
        if (!ended) return false;

        var followUp = await db.SyncJobs.AsNoTracking().Where(j => j.UserId == job.UserId && j.Id == job.Id)
            .Select(j => new { j.FollowUpRequested, j.FollowUpDataTypes, j.FollowUpTrigger }).SingleAsync(ct);
        if (followUp.FollowUpRequested)
        {
            await EnqueueAsync(job.UserId, followUp.FollowUpTrigger ?? SyncJobTrigger.Webhook, followUp.FollowUpDataTypes, ct);
        }
        return true;
    }

    /// <summary>Puts a job back to wait (e.g. the rate budget is spent), keeping its attempt count.</summary>
    public async Task<bool> PostponeAsync(SyncJob job, string worker, DateTimeOffset notBefore, string reason, CancellationToken ct = default) =>
        await db.SyncJobs.Where(j => j.UserId == job.UserId && j.Id == job.Id && j.Status == SyncJobStatus.Running && j.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, SyncJobStatus.Queued).SetProperty(j => j.NotBefore, notBefore)
                .SetProperty(j => j.Error, reason).SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct) == 1;

    /// <summary>
    /// Puts the job back for only the data types that failed, to run again at <paramref name="notBefore"/> (the
    /// backoff), keeping what this attempt did in its step results; the error says what waits and until when.
    /// </summary>
    public async Task<bool> RetryAsync(SyncJob job, string worker, string[] dataTypes, DateTimeOffset notBefore, string reason, string stepResults,
        CancellationToken ct = default) =>
        await db.SyncJobs.Where(j => j.UserId == job.UserId && j.Id == job.Id && j.Status == SyncJobStatus.Running && j.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, SyncJobStatus.Queued).SetProperty(j => j.NotBefore, notBefore)
                .SetProperty(j => j.DataTypes, dataTypes).SetProperty(j => j.Error, reason).SetProperty(j => j.StepResults, stepResults)
                .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct) == 1;
}
