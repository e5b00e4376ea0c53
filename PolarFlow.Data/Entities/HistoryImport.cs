namespace PolarFlow.Data.Entities;

/// <summary>
/// One upload of a Polar Flow account export (a ZIP), processed file by file. Its files' outcomes are
/// <see cref="HistoryImportFile"/> rows, each written in the same transaction as that file's records.
/// </summary>
public sealed class HistoryImport
{
    public required string UserId { get; set; }
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public HistoryImportStatus Status { get; set; } = HistoryImportStatus.Queued;
    public string? FileName { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the ZIP (hex), to tell a re-upload of the same export.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The ApiService instance that received the upload, then the one that last took the import on.</summary>
    public required string Node { get; set; }
    public int FilesTotal { get; set; }
    public int FilesDone { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Renewed while a processor works on it; a running import whose heartbeat is old was interrupted.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Why the import failed, or what went wrong in part.</summary>
    public string? Reason { get; set; }
}
