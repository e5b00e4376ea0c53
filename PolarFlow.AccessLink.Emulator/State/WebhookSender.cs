using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace PolarFlow.AccessLink.Emulator.State;

/// <summary>
/// Delivers webhook events as Polar does: POST JSON with `Polar-Webhook-Event` and `Polar-Webhook-Signature`
/// (lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook's secret).
/// </summary>
public sealed class WebhookSender(IHttpClientFactory httpClientFactory, EmulatorState state, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "polar-webhooks";

    public static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>The PING that must be answered with 200 before a webhook (or a new URL) is accepted.</summary>
    public async Task<bool> PingAsync(string url, string secret, CancellationToken ct)
    {
        var body = new JsonObject { ["event"] = "PING", ["timestamp"] = Timestamp() };
        return await SendAsync(url, "PING", body.ToJsonString(), secret, ct);
    }

    public async Task DeliverAsync(IEnumerable<JsonObject> events, CancellationToken ct)
    {
        if (state.Webhook is not { Active: true } hook)
        {
            return;
        }
        foreach (var e in events)
        {
            var type = e["event"]!.GetValue<string>();
            if (hook.Events.Contains(type))
            {
                e["timestamp"] = Timestamp();
                await SendAsync(hook.Url, type, e.ToJsonString(), hook.SignatureSecretKey, ct);
            }
        }
    }

    private string Timestamp() => state.Clock.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<bool> SendAsync(string url, string type, string body, string secret, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Polar-Webhook-Event", type);
            request.Headers.Add("Polar-Webhook-Signature", Sign(body, secret));
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, ct);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Webhook delivery of {Event} failed", type);
            return false;
        }
    }
}
