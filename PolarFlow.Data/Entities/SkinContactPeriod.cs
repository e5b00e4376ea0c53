namespace PolarFlow.Data.Entities;

public sealed class SkinContactPeriod : SyncedRecord
{
    public required string SourceDeviceId { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public DateTime? ModifiedTime { get; set; }
    /// <summary>Polar's `skin_contact_changes` array (jsonb).</summary>
    public string? SkinContactChanges { get; set; }
}
