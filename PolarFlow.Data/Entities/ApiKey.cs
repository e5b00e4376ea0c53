namespace PolarFlow.Data.Entities;

/// <summary>
/// An API key. Only a hash of the secret is stored; the key itself is shown once, at creation.
/// Keyed by its public id (the prefix that precedes the secret), not by user: service keys have no user.
/// </summary>
public sealed class ApiKey
{
    public required string KeyId { get; set; }
    /// <summary>SHA-256 of the whole key, hex.</summary>
    public required string KeyHash { get; set; }
    public ApiKeyKind Kind { get; set; }
    /// <summary>The only user a user key may reach; null for service keys.</summary>
    public string? UserId { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
