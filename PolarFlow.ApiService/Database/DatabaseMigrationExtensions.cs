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

    /// <summary>
    /// PostgreSQL's change notifications, and the in-memory rows they keep fresh: users' data versions (analytics)
    /// and API keys (authentication).
    /// </summary>
    public static IHostApplicationBuilder AddChangeFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeFeed>());
        builder.Services.AddSingleton(sp =>
            new NotifiedCache<Users.UserHead>(sp.GetRequiredService<ChangeFeed>(), "user"));
        builder.Services.AddSingleton(sp => new NotifiedCache<Data.Entities.ApiKey>(sp.GetRequiredService<ChangeFeed>(), "key"));
        return builder;
    }
}
