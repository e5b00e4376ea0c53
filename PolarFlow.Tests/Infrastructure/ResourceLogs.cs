using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>What a resource of a running AppHost has printed, for a failure message that says why.</summary>
public static class ResourceLogs
{
    /// <summary>The resource's last lines so far (the log keeps its backlog; this waits only for it).</summary>
    public static async Task<string> TailAsync(DistributedApplication app, string resource, int lines = 40)
    {
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var target = model.Resources.Single(r => r.Name == resource);
        var seen = new List<string>();
        using var backlog = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await foreach (var batch in logs.WatchAsync(target).WithCancellation(backlog.Token))
            {
                seen.AddRange(batch.Select(line => line.Content ?? ""));
            }
        }
        catch (OperationCanceledException)
        {
            // The backlog is read; the watch would wait for more.
        }
        return string.Join(Environment.NewLine, seen.TakeLast(lines));
    }
}
