namespace PolarFlow.AccessLink.Models;

/// <summary>`GET /v3/notifications`: users with data waiting in a legacy transaction.</summary>
public sealed record AvailableUserData(long UserId, string DataType, string Url);

public sealed class Webhook : PolarRecord
{
    public required string Id { get; init; }
    public List<string> Events { get; init; } = [];
    public string? Url { get; init; }
    public bool? Active { get; init; }
    /// <summary>Only in the answer to creation: Polar never shows it again.</summary>
    public string? SignatureSecretKey { get; init; }
}

/// <summary>The answer to the code-for-token exchange; Polar issues no refresh token.</summary>
public sealed class TokenResponse : PolarRecord
{
    public required string AccessToken { get; init; }
    public string? TokenType { get; init; }
    public long? ExpiresIn { get; init; }
    public long XUserId { get; init; }
}
