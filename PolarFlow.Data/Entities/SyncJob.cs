namespace PolarFlow.Data.Entities;

/// <summary>A durable sync job. At most one queued-or-running job per user (a partial unique index).</summary>
public sealed class SyncJob
{
    public required string UserId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SyncJobTrigger Trigger { get; set; }
    public SyncJobStatus Status { get; set; } = SyncJobStatus.Queued;
    /// <summary>Lower runs first: manual and webhook jobs go before scheduled ones.</summary>
    public int Priority { get; set; }
    /// <summary>The data types to sync; empty means all.</summary>
    public string[] DataTypes { get; set; } = [];
    public DateTimeOffset QueuedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public int Attempt { get; set; }
    public string? Error { get; set; }
    /// <summary>Per data type outcome: records fetched and changed, or the reason a step failed (jsonb).</summary>
    public string? StepResults { get; set; }

    /// <summary>
    /// Set when a trigger arrives while the job runs (it may have passed that data type already): the worker
    /// queues these data types again when the job ends. Empty array with the flag means all.
    /// </summary>
    public bool FollowUpRequested { get; set; }
    public string[] FollowUpDataTypes { get; set; } = [];
    public SyncJobTrigger? FollowUpTrigger { get; set; }
}
