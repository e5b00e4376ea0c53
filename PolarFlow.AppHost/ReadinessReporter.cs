using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PolarFlow.AppHost;

/// <summary>Says once, in the AppHost's console, when every service is healthy and where the API answers.</summary>
public sealed partial class ReadinessReporter(
    DistributedApplicationModel model, ResourceNotificationService notifications, ILogger<ReadinessReporter> logger) : BackgroundService
{
    private readonly long _started = Stopwatch.GetTimestamp();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var services = model.Resources.OfType<ProjectResource>().ToList();
        await Task.WhenAll(services.Select(s => notifications.WaitForResourceHealthyAsync(s.Name, stoppingToken)));

        var api = services.FirstOrDefault(s => s.Name == "apiservice")?.GetEndpoint("http");
        LogReady(logger, Stopwatch.GetElapsedTime(_started).TotalSeconds, string.Join(", ", services.Select(s => s.Name)), api?.Url ?? "(none)");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PolarFlow is ready after {Seconds:F1} s: {Services} healthy; the API answers at {ApiUrl}")]
    private static partial void LogReady(ILogger logger, double seconds, string services, string apiUrl);
}
