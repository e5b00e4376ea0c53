using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolarFlow.AppHost;

/// <summary>
/// Says once, in the AppHost's console, when every service is healthy and where the dashboard and the API answer;
/// and repeats the dashboard's one-time setup link there while no owner is set up (the web prints it in its own log).
/// </summary>
public sealed partial class ReadinessReporter(
    DistributedApplicationModel model, ResourceNotificationService notifications, ResourceLoggerService logs,
    ILogger<ReadinessReporter> logger) : BackgroundService
{
    /// <summary>The web's log line that carries the setup link (PolarFlow.Web's SetupLinkAnnouncer.Marker).</summary>
    public const string SetupMarker = "PolarFlow dashboard setup:";

    private readonly long _started = Stopwatch.GetTimestamp();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = model.Resources.OfType<ProjectResource>().ToList();
        var relay = services.FirstOrDefault(s => s.Name == "web") is { } webResource ? RelaySetupLinkAsync(webResource, stoppingToken) : Task.CompletedTask;
        await Task.WhenAll(services.Select(s => notifications.WaitForResourceHealthyAsync(s.Name, stoppingToken)));

        var api = services.FirstOrDefault(s => s.Name == "apiservice")?.GetEndpoint("http");
        var web = services.FirstOrDefault(s => s.Name == "web")?.GetEndpoint("http");
        LogReady(logger, Stopwatch.GetElapsedTime(_started).TotalSeconds, string.Join(", ", services.Select(s => s.Name)),
            web?.Url ?? "(none)", api?.Url ?? "(none)");
        await relay;
    }

    private async Task RelaySetupLinkAsync(ProjectResource web, CancellationToken ct)
    {
        try
        {
            await foreach (var batch in logs.WatchAsync(web).WithCancellation(ct))
            {
                foreach (var line in batch)
                {
                    var at = line.Content?.IndexOf(SetupMarker, StringComparison.Ordinal) ?? -1;
                    if (at < 0) continue;
                    LogSetup(logger, line.Content![at..]);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped before the web printed a link (an owner exists, or PolarFlow is shutting down).
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "PolarFlow is ready after {Seconds:F1} s: {Services} healthy; open the dashboard at {WebUrl} (the API answers at {ApiUrl})")]
    private static partial void LogReady(ILogger logger, double seconds, string services, string webUrl, string apiUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Line}")]
    private static partial void LogSetup(ILogger logger, string line);
}
