namespace PolarFlow.Data.Entities;

public enum SyncJobStatus
{
    Queued,
    Running,
    Succeeded,
    /// <summary>Some steps failed, the rest committed.</summary>
    PartiallySucceeded,
    Failed,
}
