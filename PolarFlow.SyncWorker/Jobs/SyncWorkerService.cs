using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace PolarFlow.SyncWorker.Jobs;

/// <summary>
/// Leases and runs jobs, <see cref="SyncOptions.ConcurrentJobs"/> at a time. Its health check turns unhealthy if
/// a loop dies, so the orchestrator restarts a worker that no longer works.
/// </summary>
public sealed partial class SyncWorkerService(SyncJobRunner runner, IOptions<SyncOptions> options, TimeProvider time, ILogger<SyncWorkerService> logger)
    : BackgroundService, IHealthCheck
{
    private readonly string _worker = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
    private volatile string? _failure;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.ConcurrentJobs)).Select(i => LoopAsync($"{_worker}#{i}", stoppingToken)));

    private async Task LoopAsync(string worker, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await runner.RunNextAsync(worker, stoppingToken))
                {
                    await Task.Delay(options.Value.IdlePoll, time, stoppingToken);
                }
                _failure = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Most often the database is unreachable: say so, wait, and try again.
                _failure = ex.Message;
                LogLoopFailure(logger, ex, worker);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_failure is null ? HealthCheckResult.Healthy("Leasing sync jobs") : HealthCheckResult.Degraded("Sync loop failing: " + _failure));

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync loop {Worker} failed; retrying")]
    private static partial void LogLoopFailure(ILogger logger, Exception exception, string worker);
}
