namespace PolarFlow.Data.Entities;

public sealed class PolarUser
{
    /// <summary>The tenant's id: the Polar user id for self-hosters, the Laravel user id in SaaS.</summary>
    public required string UserId { get; set; }

    public long? PolarUserId { get; set; }

    /// <summary>The AccessLink token, protected with ASP.NET Core Data Protection; never plain text.</summary>
    public string? EncryptedAccessToken { get; set; }

    public ConnectionState ConnectionState { get; set; } = ConnectionState.NotConnected;

    public string? ConnectionStateReason { get; set; }

    /// <summary>Polar's `registration-date`: data is only available from then on.</summary>
    public DateTimeOffset? PolarRegistrationDate { get; set; }

    /// <summary>Polar's user object (`GET /v3/users/{id}`), jsonb.</summary>
    public string? Raw { get; set; }

    /// <summary>Bumped whenever a sync commits new or changed rows, so cached analytics are never stale.</summary>
    public long DataVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}
