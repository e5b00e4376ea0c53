namespace PolarFlow.ApiService.Database;

public static class DatabaseMigrationExtensions
{
    public static IHostApplicationBuilder AddDatabaseMigration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MigrationStatus>();
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<MigrationStatus>("database-migrations");
        return builder;
    }
}
