using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
namespace PolarFlow.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    public static PolarFlowInfrastructure AddPolarFlowInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var requested = InfrastructureModeResolver.Parse(builder.Configuration[InfrastructureModeResolver.ConfigurationKey]);
        var search = new Lazy<LocalServerBinaries.Search>(() => LocalServerBinaries.Find(builder.Configuration["PolarFlow:PostgresBinDir"]));
        var mode = InfrastructureModeResolver.Resolve(
            requested,
            builder.ExecutionContext.IsPublishMode,
            () => ContainerRuntimeProbe.Answers(builder.Configuration),
            () => search.Value);

        if (!builder.ExecutionContext.IsPublishMode)
        {
            Console.WriteLine($"PolarFlow infrastructure: {mode.ToString().ToLowerInvariant()} (requested: {requested.ToString().ToLowerInvariant()})");
        }

        return mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder),
            InfrastructureMode.Local => AddLocal(builder, search.Value.Binaries!),
            InfrastructureMode.External => AddExternal(builder),
            _ => throw new DistributedApplicationException($"Unhandled infrastructure mode {mode}."),
        };
    }

    /// <summary>References the database and cache and waits until their servers accept queries.</summary>
    public static IResourceBuilder<T> WithInfrastructure<T>(this IResourceBuilder<T> resource, PolarFlowInfrastructure infrastructure)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        resource.WithReference(infrastructure.Database).WithReference(infrastructure.Cache);
        foreach (var server in infrastructure.Servers)
        {
            resource.WaitFor(server);
        }
        return resource;
    }

    private static PolarFlowInfrastructure AddContainers(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("polarflow-postgres-data");
        var database = postgres.AddDatabase("polarflow");
        var cache = builder.AddRedis("cache");
        return new PolarFlowInfrastructure(InfrastructureMode.Containers, database, cache, [database, cache]);
    }

    private static PolarFlowInfrastructure AddLocal(IDistributedApplicationBuilder builder, LocalServerBinaries binaries)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new DistributedApplicationException(
                $"{InfrastructureModeResolver.ConfigurationKey}=local runs the servers through /bin/sh and is for Linux and macOS; use containers or external on Windows.");
        }

        return LocalServers.Add(builder, binaries);
    }

    private static PolarFlowInfrastructure AddExternal(IDistributedApplicationBuilder builder)
    {
        var missing = new[] { "polarflow", "cache" }.Where(name => string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name))).ToList();
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException(
                $"{InfrastructureModeResolver.ConfigurationKey}=external needs {string.Join(" and ", missing.Select(n => $"ConnectionStrings__{n}"))}.");
        }

        return new PolarFlowInfrastructure(InfrastructureMode.External,
            builder.AddConnectionString("polarflow"), builder.AddConnectionString("cache"), []);
    }
}
