using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolarFlow.Data;

/// <summary>
/// PostgreSQL answers a query within <see cref="Timeout"/>. A real round trip, not only an open: a pooled connection
/// opens at once even while the server hangs. The wait is bounded here, because cancelling a command on a hung server
/// waits for the server too.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Task? _probe;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task probe;
        lock (_lock)
        {
            // One probe at a time: checks every few seconds against a hung server must not pile up connections.
            if (_probe is { IsCompleted: false } running) return HealthCheckResult.Unhealthy("PostgreSQL has not answered the last check yet");
            // On the thread pool: opening a connection to a hung server can block the calling thread before it yields.
            probe = _probe = Task.Run(() => ProbeAsync(scopes), CancellationToken.None);
        }
        try
        {
            await probe.WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answered");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL did not answer within {Timeout.TotalSeconds:F0} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable", ex);
        }
    }

    private static async Task ProbeAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
        await db.Database.ExecuteSqlRawAsync("SELECT 1");
    }
}
