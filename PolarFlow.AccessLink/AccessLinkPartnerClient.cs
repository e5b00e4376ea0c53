using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PolarFlow.AccessLink.Models;

namespace PolarFlow.AccessLink;

/// <summary>
/// AccessLink as the partner (client credentials, Basic auth): OAuth (authorization URL, code-for-token
/// exchange), pull notifications and the client's one webhook.
/// </summary>
public sealed class AccessLinkPartnerClient(HttpClient http, IOptions<AccessLinkOptions> options, IEnumerable<IRateLimitObserver> observers)
{
    public const string Scope = "accesslink.read_all";
    private readonly AccessLinkTransport _transport = new(http, observers);
    private AccessLinkOptions Options => options.Value;

    /// <summary>Where to send the user's browser; Polar echoes <paramref name="state"/> back to the redirect URI.</summary>
    public Uri BuildAuthorizationUrl(string state, string redirectUri) =>
        new(QueryHelpers.AddQueryString(Options.AuthorizationUrl.ToString(), new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = Options.ClientId, ["redirect_uri"] = redirectUri, ["scope"] = Scope, ["state"] = state,
        }));

    /// <summary>Exchanges the authorization code (valid 10 minutes) for the user's token and Polar user id.</summary>
    public async Task<TokenResponse> ExchangeCodeAsync(string code, string redirectUri, CancellationToken ct = default)
    {
        using var request = Basic(HttpMethod.Post, Options.TokenUrl.ToString());
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri,
        });
        var json = await _transport.SendJsonAsync(request, [], ct)
            ?? throw new AccessLinkException(AccessLinkErrorKind.MalformedResponse, null, "The token endpoint answered without a body.");
        return AccessLinkTransport.Read<TokenResponse>(json);
    }

    /// <summary>Users with data waiting in legacy transactions; empty when nothing is pending (204).</summary>
    public async Task<List<AvailableUserData>> ListNotificationsAsync(CancellationToken ct = default)
    {
        using var request = Basic(HttpMethod.Get, "/v3/notifications");
        var json = await _transport.SendJsonAsync(request, [HttpStatusCode.NoContent], ct);
        return json is { } j && j.TryGetProperty("available-user-data", out var items) ? AccessLinkTransport.ReadList<AvailableUserData>(items) : [];
    }

    /// <summary>Creates the client's webhook (Polar PINGs the URL first); the answer holds the signature key, once.</summary>
    public async Task<Webhook> CreateWebhookAsync(IEnumerable<string> events, string url, CancellationToken ct = default)
    {
        using var request = Basic(HttpMethod.Post, "/v3/webhooks");
        request.Content = JsonContent.Create(new { events, url });
        return ReadData(await _transport.SendJsonAsync(request, [], ct));
    }

    public async Task<List<Webhook>> ListWebhooksAsync(CancellationToken ct = default)
    {
        using var request = Basic(HttpMethod.Get, "/v3/webhooks");
        var json = await _transport.SendJsonAsync(request, [HttpStatusCode.NoContent], ct);
        return json is { } j && j.TryGetProperty("data", out var data) ? AccessLinkTransport.ReadList<Webhook>(data) : [];
    }

    public async Task<Webhook> UpdateWebhookAsync(string webhookId, IEnumerable<string>? events = null, string? url = null, CancellationToken ct = default)
    {
        using var request = Basic(HttpMethod.Patch, $"/v3/webhooks/{Uri.EscapeDataString(webhookId)}");
        var body = new Dictionary<string, object>();
        if (events is not null) body["events"] = events;
        if (url is not null) body["url"] = url;
        request.Content = JsonContent.Create(body);
        return ReadData(await _transport.SendJsonAsync(request, [], ct));
    }

    public async Task DeleteWebhookAsync(string webhookId, CancellationToken ct = default)
    {
        using var request = Basic(HttpMethod.Delete, $"/v3/webhooks/{Uri.EscapeDataString(webhookId)}");
        (await _transport.SendAsync(request, [HttpStatusCode.NoContent], ct))?.Dispose();
    }

    /// <returns>false when the client has no webhook (204).</returns>
    public Task<bool> ActivateWebhookAsync(CancellationToken ct = default) => Toggle("activate", ct);

    public Task<bool> DeactivateWebhookAsync(CancellationToken ct = default) => Toggle("deactivate", ct);

    private async Task<bool> Toggle(string action, CancellationToken ct)
    {
        using var request = Basic(HttpMethod.Post, $"/v3/webhooks/{action}");
        using var response = await _transport.SendAsync(request, [HttpStatusCode.NoContent], ct);
        return response is not null;
    }

    private static Webhook ReadData(System.Text.Json.JsonElement? json) =>
        json is { } j && j.TryGetProperty("data", out var data) ? AccessLinkTransport.Read<Webhook>(data)
        : throw new AccessLinkException(AccessLinkErrorKind.MalformedResponse, null, "A webhook answer without `data`.");

    private HttpRequestMessage Basic(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ClientId}:{Options.ClientSecret}")));
        return request;
    }
}
