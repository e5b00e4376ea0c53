using Microsoft.Extensions.Options;
using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.SyncWorker.Budget;
using PolarFlow.SyncWorker.Jobs;
using PolarFlow.SyncWorker.Steps;

namespace PolarFlow.SyncWorker.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPolarFlowData();
        builder.AddRedisClient(ConnectionNames.Cache);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConfigureOptions<SyncOptions>, SyncOptions.Setup>();
        builder.Services.AddSingleton<SyncTelemetry>();
        builder.Services.AddSingleton<RedisRateBudget>();
        builder.Services.AddSingleton<IRateLimitObserver>(sp => sp.GetRequiredService<RedisRateBudget>());
        builder.Services.AddTransient<AccessLinkCallHandler>();
        builder.Services.AddAccessLink();
        builder.Services.AddHttpClient<AccessLinkClient>().AddHttpMessageHandler<AccessLinkCallHandler>();
        builder.Services.AddSyncSteps();
        builder.Services.AddSingleton<SyncJobRunner>();
        builder.Services.AddSingleton<SyncScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncScheduler>());
        builder.Services.AddSingleton<SyncWorkerService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SyncWorkerService>());
        builder.Services.AddHealthChecks().AddCheck<SyncWorkerService>("sync-loop");
        return builder;
    }

    /// <summary>One step per data type, run in this order (recharge after sleep, as Polar derives it from the night).</summary>
    public static IServiceCollection AddSyncSteps(this IServiceCollection services) => services
        .AddSingleton<SyncStep, SleepStep>()
        .AddSingleton<SyncStep, NightlyRechargeStep>()
        .AddSingleton<SyncStep, ActivityStep>()
        .AddSingleton<SyncStep, ExercisesStep>()
        .AddSingleton<SyncStep, ContinuousHeartRateStep>()
        .AddSingleton<SyncStep, CardioLoadStep>()
        .AddSingleton<SyncStep, SleepWiseStep>()
        .AddSingleton<SyncStep, BiosensingStep>()
        .AddSingleton<SyncStep, BiosensingTestsStep>()
        .AddSingleton<SyncStep, PhysicalInfoStep>();
}
