namespace PolarFlow.Data.Entities;

/// <summary>
/// A row copied from Polar: scoped by tenant, with Polar's JSON kept verbatim so nothing Polar sends is lost
/// and new typed columns can be back-filled by re-parsing.
/// </summary>
public abstract class SyncedRecord
{
    public required string UserId { get; set; }

    /// <summary>Polar's response for this record, as received (jsonb): AccessLink's when it has one, else the export's.</summary>
    public required string Raw { get; set; }

    /// <summary>Who wrote <see cref="Raw"/> and the typed columns first: <see cref="RecordSources.AccessLink"/> or <see cref="RecordSources.Export"/>.</summary>
    public string Source { get; set; } = RecordSources.AccessLink;

    /// <summary>
    /// The record as a Polar Flow account export held it (jsonb), when an import touched it; the sync never
    /// overwrites it, so a record known to both keeps both.
    /// </summary>
    public string? ExportRaw { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>When a sync last changed this row (an identical re-upsert leaves it alone).</summary>
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
