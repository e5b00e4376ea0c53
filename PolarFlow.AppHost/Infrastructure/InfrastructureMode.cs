namespace PolarFlow.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and Redis come from. Chosen by `PolarFlow:Infra` (env `PolarFlow__Infra`).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else the machine's own servers.</summary>
    Auto,
    /// <summary>Aspire's PostgreSQL and Redis containers; what the deployment manifest always describes.</summary>
    Containers,
    /// <summary>The machine's own initdb/postgres and redis-server, started by the AppHost.</summary>
    Local,
    /// <summary>Existing servers: `ConnectionStrings:polarflow` and `ConnectionStrings:cache`.</summary>
    External,
}
