namespace PolarFlow.Data.Entities;

/// <summary>One file of an import: imported (with its records by type), skipped (not a family PolarFlow reads) or failed (with the reason).</summary>
public sealed class HistoryImportFile
{
    public required string UserId { get; set; }
    public Guid ImportId { get; set; }
    public required string Name { get; set; }
    public required string Family { get; set; }
    public required string Outcome { get; set; }
    /// <summary>Records by table: read, and inserted or changed (jsonb, e.g. `{"sleep":{"read":1100,"changed":1100}}`).</summary>
    public string? Records { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset FinishedAt { get; set; } = DateTimeOffset.UtcNow;

    public const string Imported = "imported";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
