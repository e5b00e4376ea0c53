using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PolarFlow.AccessLink;
using PolarFlow.ApiService.Analytics;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.RateLimits;
using PolarFlow.ApiService.Connect;
using PolarFlow.ApiService.Database;
using PolarFlow.ApiService.Imports;
using PolarFlow.ApiService.Mcp;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Migration first: hosted services start in order, and Data Protection reads its key table at start.
        builder.AddDatabaseMigration();
        builder.AddPolarFlowData();
        builder.AddChangeFeed();
        builder.AddRedisClient(ConnectionNames.Cache, settings => settings.DisableHealthChecks = true,
            options => options.AbortOnConnectFail = false);
        builder.Services.AddOptions<Redis.RedisOptions>().BindConfiguration(Redis.RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Redis.RedisGuard>();
        builder.Services.AddHealthChecks().AddCheck<Redis.RedisCacheHealthCheck>(ConnectionNames.Cache, HealthStatus.Degraded);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Common.Problems.Shape);
        builder.Services.AddExceptionHandler<Common.BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<Common.UnavailableExceptionHandler>();
        builder.AddPolarFlowRequestTimeouts();
        builder.AddKeyRateLimits();
        builder.Services.AddValidation();
        // Binding failures reach the exception handler (as 400 ProblemDetails) in every environment, not as empty 400s.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(options =>
        {
            options.AddPolicy(UserAccess.ManagePolicy, policy => policy.RequireRole(
                ApiKeyAuthentication.AdminRole, ApiKeyAuthentication.ServiceRole, ApiKeyAuthentication.WebRole));
            options.AddPolicy(UserAccess.UserPolicy, policy => policy.RequireAssertion(UserAccess.RouteUserAllowed));
            options.AddPolicy(UserAccess.AdminPolicy, policy => policy.RequireRole(ApiKeyAuthentication.AdminRole));
            options.AddPolicy(UserAccess.PeoplePolicy, policy => policy.RequireRole(ApiKeyAuthentication.AdminRole, ApiKeyAuthentication.WebRole));
        });
        builder.Services.AddScoped<Keys.ApiKeyService>();
        builder.Services.AddScoped<Webhooks.PolarWebhookService>();
        builder.Services.AddSingleton<Keys.KeyUsage>();
        builder.Services.AddHostedService<Keys.KeyUsageFlusher>();
        builder.Services.AddScoped<People.PeopleService>();
        builder.Services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache, Redis.GuardedDistributedCache>();
        builder.Services.AddHybridCache();
        builder.Services.AddSingleton<AnalyticsCache>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Users.UserHeads>();
        builder.Services.AddSingleton<Common.ListMemory>();
        builder.Services.AddScoped<Common.DataLists>();
        builder.Services.AddScoped<AnalyticsDataLoader>();
        builder.Services.AddScoped<AnalyticsService>();
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        builder.Services.AddScoped<ImportUploads>();
        builder.Services.AddSingleton<ImportUploadStore>();
        builder.Services.AddScoped<Archive.AccountArchive>();
        builder.Services.AddScoped<ImportFileWriter>();
        builder.Services.AddSingleton<ImportProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ImportProcessor>());
        builder.Services.AddApiVersioning(options =>
        {
            options.DefaultApiVersion = new Asp.Versioning.ApiVersion(1, 0);
            options.ReportApiVersions = true;
            options.ApiVersionReader = new Asp.Versioning.UrlSegmentApiVersionReader();
        });
        builder.Services.AddOpenApi("v1", options => options.UseSchemaNames().AddDocumentTransformer<OpenApiDocumentInfo>()
            .AddOperationTransformer<OpenApiProblemResponses>().AddDocumentTransformer<OpenApiProblemResponses>()
            .AddSchemaTransformer<OpenApiLocalDateTimes>().AddSchemaTransformer<OpenApiExamples>());

        builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<DeploymentOptions>, DeploymentOptions.Setup>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DeploymentOptions>, DeploymentOptions.Setup>();
        builder.Services.AddOptions<DeploymentOptions>().ValidateOnStart();
        builder.Services.AddAccessLink();
        builder.Services.AddSingleton<ConnectState>();
        builder.Services.AddScoped<PolarConnectService>();
        builder.Services.AddHttpClient(nameof(DemoUserConnector)).ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        builder.Services.AddHostedService<DemoUserConnector>();
        builder.AddPolarFlowMcp();
        return builder;
    }
}
