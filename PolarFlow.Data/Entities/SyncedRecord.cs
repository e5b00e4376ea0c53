namespace PolarFlow.Data.Entities;

/// <summary>
/// A row copied from Polar: scoped by tenant, with Polar's JSON kept verbatim so nothing Polar sends is lost
/// and new typed columns can be back-filled by re-parsing.
/// </summary>
public abstract class SyncedRecord
{
    public required string UserId { get; set; }

    /// <summary>Polar's response for this record, as received (jsonb).</summary>
    public required string Raw { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>When a sync last changed this row (an identical re-upsert leaves it alone).</summary>
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
