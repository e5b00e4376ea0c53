namespace PolarFlow.Data.Entities;

/// <summary>
/// The client's one Polar webhook as PolarFlow created it: Polar's id, where it delivers and what, and the
/// signature key Polar showed once, at creation, encrypted like the Polar tokens.
/// </summary>
public sealed class PolarWebhookRegistration
{
    public required string WebhookId { get; set; }
    public required string Url { get; set; }
    public List<string> Events { get; set; } = [];
    public required string EncryptedSignatureKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
