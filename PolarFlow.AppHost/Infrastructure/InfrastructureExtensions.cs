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

        if (builder.ExecutionContext.IsPublishMode) return AddDeployed(builder);
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

    /// <summary>
    /// Deployed (the manifest `azd` reads): PostgreSQL is an existing managed server given as the secret parameter
    /// `polarflow` (a connection string or a postgresql:// URL). A PostgreSQL container on Azure Container Apps would keep
    /// its data on an Azure Files share, where its chmod fails and it crash-loops; without a volume it would lose the
    /// data with every revision. Redis stays a container: it holds caches and counters, nothing that must outlive it.
    /// </summary>
    private static PolarFlowInfrastructure AddDeployed(IDistributedApplicationBuilder builder)
    {
        var cache = builder.AddRedis("cache");
        var database = builder.AddConnectionString("polarflow");
        return new PolarFlowInfrastructure(InfrastructureMode.External, database, cache, [cache]);
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
        // The brief's DATABASE_URL stands for ConnectionStrings__polarflow; the services read it as a URL.
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("polarflow"))
            && builder.Configuration["DATABASE_URL"] is { Length: > 0 } url)
        {
            builder.Configuration["ConnectionStrings:polarflow"] = url;
        }
        var missing = new[] { "polarflow", "cache" }.Where(name => string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name))).ToList();
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException(
                $"{InfrastructureModeResolver.ConfigurationKey}=external needs "
                + string.Join(" and ", missing.Select(n => n == "polarflow" ? "ConnectionStrings__polarflow (or DATABASE_URL)" : "ConnectionStrings__cache"))
                + ".");
        }

        return new PolarFlowInfrastructure(InfrastructureMode.External,
            builder.AddConnectionString("polarflow"), builder.AddConnectionString("cache"), []);
    }
}
