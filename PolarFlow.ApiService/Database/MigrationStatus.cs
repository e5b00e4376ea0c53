using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolarFlow.ApiService.Database;

/// <summary>The migration's outcome, as a readiness check: the API is not ready on an old schema.</summary>
public sealed class MigrationStatus : IHealthCheck
{
    private volatile string? _state = "pending";

    public bool Completed => _state is null;

    public void MarkCompleted() => _state = null;

    public void MarkFailed(string reason) => _state = "failed: " + reason;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state is null
            ? HealthCheckResult.Healthy("Schema migrated")
            : HealthCheckResult.Unhealthy("Database migration " + _state));
}
