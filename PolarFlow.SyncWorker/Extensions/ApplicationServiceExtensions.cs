using PolarFlow.Data;

namespace PolarFlow.SyncWorker.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPolarFlowData();
        builder.AddRedisClient(ConnectionNames.Cache);
        return builder;
    }
}
