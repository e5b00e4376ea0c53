using System.Security.Cryptography;
using System.Text;

namespace PolarFlow.AccessLink.Webhooks;

/// <summary>`Polar-Webhook-Signature`: lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook's secret.</summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Polar-Webhook-Signature";
    public const string EventHeader = "Polar-Webhook-Event";

    public static string Compute(ReadOnlySpan<byte> rawBody, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody));

    /// <summary>Compares in constant time, so the time taken says nothing about how much of a forgery matched.</summary>
    public static bool IsValid(ReadOnlySpan<byte> rawBody, string? signature, string secret)
    {
        if (string.IsNullOrWhiteSpace(signature)) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(rawBody, secret));
        var given = Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
