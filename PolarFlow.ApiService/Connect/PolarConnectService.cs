using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;

namespace PolarFlow.ApiService.Connect;

/// <summary>
/// Connecting a Polar account: Polar's authorization URL with a single-use state, then the callback's work:
/// exchange the code, register the user at AccessLink (409 is fine), keep the token encrypted, queue the first sync.
/// </summary>
public sealed class PolarConnectService(
    AccessLinkPartnerClient partner, AccessLinkClient client, PolarFlowDbContext db, PolarTokenProtector tokens,
    SyncJobQueue queue, ConnectState states, IConfiguration configuration, TimeProvider time)
{
    public const string PublicBaseUrlSetting = "PolarFlow:PublicBaseUrl";

    public sealed record Completed(string UserId, long PolarUserId, string? ReturnUrl);

    public sealed class ConnectException(int status, string title, string detail) : Exception(detail)
    {
        public int Status { get; } = status;
        public string Title { get; } = title;
    }

    /// <summary>Where Polar sends the browser back: this API's public address (the one registered at Polar).</summary>
    public string CallbackUri => (configuration[PublicBaseUrlSetting] ?? "http://localhost:8000").TrimEnd('/') + "/oauth/polar/callback";

    public async Task<(Uri Url, DateTimeOffset ExpiresAt)> StartAsync(string? userId, string? returnUrl)
    {
        var state = await states.IssueAsync(new ConnectState.Pending(userId, returnUrl));
        return (partner.BuildAuthorizationUrl(state, CallbackUri), time.GetUtcNow() + ConnectState.Lifetime);
    }

    public async Task<Completed> CompleteAsync(string code, string state, CancellationToken ct)
    {
        var pending = await states.RedeemAsync(state)
            ?? throw new ConnectException(400, "Unknown or used state", "This link was already used or is older than 10 minutes. Start the connection again.");
        var token = await partner.ExchangeCodeAsync(code, CallbackUri, ct);
        var userId = pending.UserId ?? token.XUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await client.RegisterUserAsync(token.AccessToken, userId, ct);
        await SaveTokenAsync(userId, token.XUserId, token.AccessToken, ct);
        await queue.EnqueueAsync(userId, SyncJobTrigger.Connect, ct: ct);
        return new Completed(userId, token.XUserId, pending.ReturnUrl);
    }

    /// <summary>Stores (or replaces) the user's token, encrypted, and marks them connected.</summary>
    public async Task SaveTokenAsync(string userId, long? polarUserId, string accessToken, CancellationToken ct)
    {
        if (polarUserId is { } polarId && await db.Users.AnyAsync(u => u.PolarUserId == polarId && u.UserId != userId, ct))
        {
            throw new ConnectException(409, "Polar account already connected", "This Polar account is connected to another user.");
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserId == userId, ct) ?? db.Users.Add(new PolarUser { UserId = userId }).Entity;
        user.PolarUserId = polarUserId ?? user.PolarUserId;
        user.EncryptedAccessToken = tokens.Protect(accessToken);
        user.ConnectionState = ConnectionState.Connected;
        user.ConnectionStateReason = null;
        user.PolarRegistrationDate ??= time.GetUtcNow();
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
