using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Database;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Connect;

/// <summary>
/// With the emulator (`PolarFlow:ConnectDemoUser`), connects a demo athlete at start-up through the real OAuth
/// flow: the authorization URL, the emulator's consent redirect, then the same callback work a browser would
/// trigger. Only when no user is connected: a restart adds nobody, and a demo athlete whose token the restarted
/// (in-memory) emulator no longer knows is connected again instead of staying revoked.
/// </summary>
public sealed partial class DemoUserConnector(IServiceScopeFactory scopes, IHttpClientFactory http, MigrationStatus migrations,
    IConfiguration configuration, ILogger<DemoUserConnector> logger) : BackgroundService
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
        if (await db.Users.AnyAsync(u => u.ConnectionState == ConnectionState.Connected, ct)) return true;

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo athlete connected through the emulator's OAuth flow as user {UserId}; its first sync is queued")]
    private static partial void LogConnected(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connecting the demo athlete failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);
}
