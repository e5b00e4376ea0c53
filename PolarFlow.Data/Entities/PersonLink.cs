namespace PolarFlow.Data.Entities;

/// <summary>
/// A one-time link: the owner's setup link (printed at first start) or an invitation to see one user.
/// Only the SHA-256 of its token is stored; a link works once and until it expires.
/// </summary>
public sealed class PersonLink
{
    public required string TokenHash { get; set; }
    public PersonRole Role { get; set; }
    /// <summary>The user an invitation is for; null for the setup link.</summary>
    public string? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
