using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace PolarFlow.Data;

public static class DataExtensions
{
    /// <summary>The connection name the AppHost gives the database (`ConnectionStrings:polarflow`).</summary>
    public const string ConnectionName = "polarflow";

    /// <summary>
    /// The DbContext (pooled, with telemetry from Aspire, retries from <see cref="PolarFlowExecutionStrategy"/>) and the
    /// Data Protection key ring in the same database, so every ApiService and SyncWorker replica can read the tokens the
    /// others wrote.
    /// </summary>
    public static IHostApplicationBuilder AddPolarFlowData(this IHostApplicationBuilder builder)
    {
        var timeouts = builder.Configuration.GetSection(DatabaseTimeouts.Section).Get<DatabaseTimeouts>() ?? new DatabaseTimeouts();
        // The Aspire name, else the brief's DATABASE_URL; either may be a postgresql:// URL.
        var configured = builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 } named
            ? named
            : builder.Configuration[DatabaseUrl.Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            builder.Configuration[$"ConnectionStrings:{ConnectionName}"] = DatabaseUrl.ToConnectionString(configured);
        }
        builder.AddNpgsqlDbContext<PolarFlowDbContext>(ConnectionName, settings =>
        {
            // Aspire's own check only opens a connection, which a hung server still grants from the pool.
            settings.DisableHealthChecks = true;
            settings.CommandTimeout = timeouts.CommandTimeoutSeconds;
            settings.ConnectionString = timeouts.Apply(settings.ConnectionString);
            settings.DisableRetry = true; // the same retries, from a strategy that can also stream
        }, options => PolarFlowDbContext.ConfigureOptions(options)
            .UseNpgsql(npgsql => npgsql.ExecutionStrategy(dependencies => new PolarFlowExecutionStrategy(dependencies))));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>(ConnectionName, HealthStatus.Unhealthy);
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("PolarFlow")
            .PersistKeysToDbContext<PolarFlowDbContext>();
        if (KeyRingEncryption.KeyFrom(builder.Configuration) is { } keyRingKey)
        {
            dataProtection.AddKeyManagementOptions(options => options.XmlEncryptor = new KeyRingEncryption(keyRingKey));
        }
        builder.Services.AddSingleton<PolarTokenProtector>();
        builder.Services.AddScoped<Sync.SyncJobQueue>();
        builder.Services.AddSingleton<Files.IExerciseFileStore, Files.DatabaseFileStore>();
        builder.Services.AddSingleton<Files.ExerciseFileWriter>();
        return builder;
    }

    /// <summary>Applies pending migrations under the execution strategy (transient failures are retried).</summary>
    public static Task MigrateWithRetriesAsync(this PolarFlowDbContext db, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Database.MigrateAsync(cancellationToken));
}
