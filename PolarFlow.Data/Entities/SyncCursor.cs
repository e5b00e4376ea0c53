namespace PolarFlow.Data.Entities;

/// <summary>Per user and data type: how far the sync has come, so incremental runs fetch only what can change.</summary>
public sealed class SyncCursor
{
    public required string UserId { get; set; }
    /// <summary>The data type's stable name (`sleep`, `nightly-recharge`, ...).</summary>
    public required string DataType { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>The newest day (or upload date) already held.</summary>
    public DateOnly? NewestDate { get; set; }
    public DateTimeOffset? BackfillCompletedAt { get; set; }
}
