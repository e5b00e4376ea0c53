using PolarFlow.ApiService.Database;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Migration first: hosted services start in order, and Data Protection reads its key table at start.
        builder.AddDatabaseMigration();
        builder.AddPolarFlowData();
        builder.AddRedisClient(ConnectionNames.Cache);
        builder.Services.AddProblemDetails();
        return builder;
    }
}
