using Microsoft.Extensions.Options;

namespace PolarFlow.Web.Services;

/// <summary>
/// At start, while no owner is set up, asks the API for a one-time setup link and prints it, as the Aspire dashboard
/// prints its login link (the AppHost repeats it in its console). Waits for the API when it is still starting.
/// </summary>
public sealed partial class SetupLinkAnnouncer(IServiceScopeFactory scopes, IOptions<WebOptions> options, ILogger<SetupLinkAnnouncer> logger)
    : BackgroundService
{
    public const string Marker = "PolarFlow dashboard setup:";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var people = scope.ServiceProvider.GetRequiredService<PeopleClient>();
                if ((await people.GetSetupStateAsync(stoppingToken)).OwnerExists) return;
                var link = await people.CreateSetupLinkAsync(stoppingToken);
                var url = $"{(options.Value.PublicUrl ?? "http://localhost:8080").TrimEnd('/')}/setup?token={link.Token}";
                LogSetupLink(logger, Marker, url, link.ExpiresAt);
                return;
            }
            catch (Exception ex) when (ex is ApiUnavailableException or ApiException && !stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Marker} open {Url} to set the owner's password (one use, until {ExpiresAt:u}).")]
    private static partial void LogSetupLink(ILogger logger, string marker, string url, DateTimeOffset expiresAt);
}
