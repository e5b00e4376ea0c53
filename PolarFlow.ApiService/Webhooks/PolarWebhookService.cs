using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Webhooks;

/// <summary>
/// The client's one Polar webhook, managed from here: created (or updated) at Polar for
/// `PolarFlow:PublicBaseUrl` + `/webhooks/polar`, activated, and its signature key (shown by Polar only at
/// creation) kept encrypted in the database. `Polar:WebhookSecret` remains for a webhook made by hand.
/// </summary>
public sealed class PolarWebhookService(AccessLinkPartnerClient polar, PolarFlowDbContext db,
    PolarTokenProtector protector, IConfiguration configuration, TimeProvider time)
{
    public const string ReceiverPath = "/webhooks/polar";
    public const string SecretSetting = "Polar:WebhookSecret";

    /// <summary>Every event the sync acts on, and so what the webhook subscribes to unless told otherwise.</summary>
    public static IReadOnlyList<string> Events => Data.Sync.SyncDataTypes.WebhookEvents;

    public sealed record State(string Status, string? WebhookId, string? Url, IReadOnlyList<string> Events, string ExpectedUrl,
        bool UrlMatches, string SignatureKey, DateTimeOffset? CreatedAt, string Detail);

    /// <summary>The public URL is not configured: Polar would have nowhere to deliver.</summary>
    public sealed class NotConfiguredException() : Exception($"Set {Connect.PolarConnectService.PublicBaseUrlSetting} "
        + $"to PolarFlow's public address (Polar delivers to it + {ReceiverPath}).");

    private string? ExpectedUrl => configuration[Connect.PolarConnectService.PublicBaseUrlSetting] is { Length: > 0 } baseUrl
        ? baseUrl.TrimEnd('/') + ReceiverPath : null;

    public async Task<State> StateAsync(CancellationToken ct)
    {
        var atPolar = (await polar.ListWebhooksAsync(ct)).FirstOrDefault();
        var stored = await db.PolarWebhooks.AsNoTracking().FirstOrDefaultAsync(ct);
        return Describe(atPolar, stored);
    }

    /// <summary>
    /// Makes Polar's webhook the one configured here and active. A webhook PolarFlow did not create (its key is
    /// unknown here) is replaced, since Polar shows a key only when it creates one. Returns whether one was created.
    /// </summary>
    public async Task<(State State, bool Created)> EnsureAsync(IReadOnlyList<string> events, CancellationToken ct)
    {
        var url = ExpectedUrl ?? throw new NotConfiguredException();
        var atPolar = (await polar.ListWebhooksAsync(ct)).FirstOrDefault();
        var stored = await db.PolarWebhooks.FirstOrDefaultAsync(ct);
        if (atPolar is not null && stored?.WebhookId != atPolar.Id)
        {
            await polar.DeleteWebhookAsync(atPolar.Id, ct);
            atPolar = null;
        }
        var now = time.GetUtcNow();
        var created = atPolar is null;
        if (created)
        {
            var made = await polar.CreateWebhookAsync(events, url, ct); // Polar PINGs the URL before it answers
            var key = made.SignatureSecretKey ?? throw new AccessLinkException(AccessLinkErrorKind.MalformedResponse, null,
                "Polar created the webhook without a signature key.");
            if (stored is not null) db.PolarWebhooks.Remove(stored);
            stored = db.PolarWebhooks.Add(new PolarWebhookRegistration
            {
                WebhookId = made.Id, Url = made.Url ?? url, Events = [.. made.Events],
                EncryptedSignatureKey = protector.Protect(key), CreatedAt = now, UpdatedAt = now,
            }).Entity;
        }
        else if (atPolar!.Url != url || !atPolar.Events.Order().SequenceEqual(events.Order()))
        {
            var updated = await polar.UpdateWebhookAsync(atPolar.Id, events, url, ct);
            (stored!.Url, stored.Events, stored.UpdatedAt) = (updated.Url ?? url, [.. updated.Events], now);
        }
        await db.SaveChangesAsync(ct);
        await polar.ActivateWebhookAsync(ct);
        return (await StateAsync(ct), created);
    }

    /// <summary>Deletes the webhook at Polar and the key kept here; false when there was neither.</summary>
    public async Task<bool> DeleteAsync(CancellationToken ct)
    {
        var atPolar = (await polar.ListWebhooksAsync(ct)).FirstOrDefault();
        if (atPolar is not null) await polar.DeleteWebhookAsync(atPolar.Id, ct);
        var removed = await db.PolarWebhooks.ExecuteDeleteAsync(ct);
        return atPolar is not null || removed > 0;
    }

    /// <summary>The key deliveries are signed with: the one kept at creation, else the hand-copied setting.</summary>
    public async Task<string?> SignatureKeyAsync(CancellationToken ct)
    {
        var stored = await db.PolarWebhooks.AsNoTracking().Select(w => w.EncryptedSignatureKey).FirstOrDefaultAsync(ct);
        if (stored is not null) return protector.Unprotect(stored);
        return configuration[SecretSetting] is { Length: > 0 } secret ? secret : null;
    }

    private State Describe(AccessLink.Models.Webhook? atPolar, PolarWebhookRegistration? stored)
    {
        var expected = ExpectedUrl ?? "";
        var key = stored is not null && stored.WebhookId == atPolar?.Id ? "stored"
            : configuration[SecretSetting] is { Length: > 0 } ? "configuration" : "unknown";
        if (atPolar is null)
        {
            return new State("missing", null, null, [], expected, false, key == "configuration" ? key : "unknown", null,
                "Polar has no webhook for this client; PUT /api/v1/polar/webhook creates one.");
        }
        var status = atPolar.Active == false ? "inactive" : "active";
        var matches = atPolar.Url == expected;
        var detail = (status, matches, key) switch
        {
            (_, _, "unknown") => "The webhook's signature key is not known here, so deliveries are refused; "
                + "PUT /api/v1/polar/webhook replaces it.",
            ("inactive", _, _) => "Polar deactivated the webhook (deliveries failed for 7 days, or it was deactivated); "
                + "PUT /api/v1/polar/webhook activates it.",
            (_, false, _) => $"Polar delivers to {atPolar.Url}, not {expected}; PUT /api/v1/polar/webhook moves it.",
            _ => "Polar delivers these events to PolarFlow, and each queues a sync of what changed.",
        };
        return new State(status, atPolar.Id, atPolar.Url, atPolar.Events, expected, matches, key,
            stored?.WebhookId == atPolar.Id ? stored.CreatedAt : null, detail);
    }
}
