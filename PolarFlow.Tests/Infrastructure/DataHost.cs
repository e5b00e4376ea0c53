using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolarFlow.Data;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>The services' own data registration (<see cref="DataExtensions.AddPolarFlowData"/>) in a bare host.</summary>
public static class DataHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPolarFlowData();
        return builder.Build();
    }

    public static PolarFlowDbContext DbContext(this IServiceScope scope) => scope.ServiceProvider.GetRequiredService<PolarFlowDbContext>();
}
