using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.ApiService.Database;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Connect;

/// <summary>
/// With the emulator (`PolarFlow:ConnectDemoUser`), connects a demo athlete at start-up through the real OAuth
/// flow: the authorization URL, the emulator's consent redirect, then the same callback work a browser would
/// trigger. Only when no connected user holds a token the emulator still accepts: a restart adds nobody, and a demo
/// athlete whose token the restarted (in-memory) emulator no longer knows is connected again before its start-up
/// sync can mark it revoked, whatever state the previous run left behind.
/// </summary>
public sealed partial class DemoUserConnector(IServiceScopeFactory scopes, IHttpClientFactory http, MigrationStatus migrations,
    PolarTokenProtector tokens, IConfiguration configuration, ILogger<DemoUserConnector> logger) : BackgroundService
{
    public const string Setting = "PolarFlow:ConnectDemoUser";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>(Setting)) return;
        for (var attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (migrations.Completed && await ConnectAsync(stoppingToken)) return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetry(logger, ex, attempt);
            }
            await Task.Delay(TimeSpan.FromSeconds(2 * attempt), stoppingToken);
        }
    }

    private async Task<bool> ConnectAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
        var client = scope.ServiceProvider.GetRequiredService<AccessLinkClient>();
        var connected = await db.Users.AsNoTracking()
            .Where(u => u.ConnectionState == ConnectionState.Connected && u.EncryptedAccessToken != null && u.PolarUserId != null)
            .Select(u => new { u.UserId, u.EncryptedAccessToken, u.PolarUserId }).ToListAsync(ct);
        foreach (var user in connected)
        {
            if (await TokenAcceptedAsync(client, tokens.Unprotect(user.EncryptedAccessToken!), user.PolarUserId!.Value, ct)) return true;
            LogStaleToken(logger, user.UserId);
        }

        var connect = scope.ServiceProvider.GetRequiredService<PolarConnectService>();
        var (url, _) = await connect.StartAsync(null, null);
        using var browser = http.CreateClient(nameof(DemoUserConnector));
        using var consent = await browser.GetAsync(url, ct);
        var callback = consent.Headers.Location ?? throw new InvalidOperationException($"The authorization page answered {(int)consent.StatusCode} without a redirect.");
        var query = QueryHelpers.ParseQuery(callback.Query);
        var done = await connect.CompleteAsync(query["code"].ToString(), query["state"].ToString(), ct);
        LogConnected(logger, done.UserId);
        return true;
    }

    private static async Task<bool> TokenAcceptedAsync(AccessLinkClient client, string token, long polarUserId, CancellationToken ct)
    {
        try
        {
            return await client.GetUserAsync(token, polarUserId, ct) is not null;
        }
        catch (AccessLinkException ex) when (ex.Kind is AccessLinkErrorKind.TokenRevoked or AccessLinkErrorKind.ConsentMissing)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The emulator no longer knows user {UserId}'s token (it restarted); connecting the demo athlete again")]
    private static partial void LogStaleToken(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo athlete connected through the emulator's OAuth flow as user {UserId}; its first sync is queued")]
    private static partial void LogConnected(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting the demo athlete failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
