namespace PolarFlow.AppHost.Infrastructure;

/// <summary>The database and cache the services reference, and the server resources they must wait for.</summary>
public sealed record PolarFlowInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Cache,
    IReadOnlyList<IResourceBuilder<IResource>> Servers);
