using Asp.Versioning;
using PolarFlow.ApiService.Activity;
using PolarFlow.ApiService.Analytics;
using PolarFlow.ApiService.Archive;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.Exercises;
using PolarFlow.ApiService.Imports;
using PolarFlow.ApiService.Export;
using PolarFlow.ApiService.HeartRate;
using PolarFlow.ApiService.Summaries;
using PolarFlow.ApiService.Connect;
using PolarFlow.ApiService.Keys;
using PolarFlow.ApiService.Mcp;
using PolarFlow.ApiService.NightlyRecharge;
using PolarFlow.ApiService.People;
using PolarFlow.ApiService.Sleep;
using PolarFlow.ApiService.Sync;
using PolarFlow.ApiService.Users;
using PolarFlow.ApiService.Webhooks;
using Scalar.AspNetCore;

namespace PolarFlow.ApiService.Extensions;

public static class ApiRoutes
{
    /// <summary>
    /// The route table. `/api/v1/...` is URL-segment versioned (the brief's paths are a contract); every route
    /// needs a key, and a user key reaches only routes of its own `{userId}`.
    /// </summary>
    public static WebApplication MapPolarFlowApi(this WebApplication app)
    {
        var versions = app.NewApiVersionSet().HasApiVersion(new ApiVersion(1, 0)).ReportApiVersions().Build();
        var v1 = app.MapGroup("/api/v{version:apiVersion}").WithApiVersionSet(versions).RequireAuthorization().RequireUserAccess()
            .RequireRateLimiting(RateLimits.KeyRateLimits.Policy);

        // One tag per area, so generated clients get one class per area and the docs one section.
        v1.MapGroup("").WithTags("Keys").MapKeysApi();
        v1.MapGroup("").WithTags("Users").MapUsersApi();
        v1.MapPeopleApi();
        v1.MapGroup("").WithTags("Sync").MapSyncApi();
        app.MapConnectApi(v1.MapGroup("").WithTags("Polar"));
        v1.MapGroup("").WithTags("Polar").MapWebhookManagementApi();
        var user = v1.MapGroup("/users/{userId}");
        user.MapGroup("").WithTags("Sleep").MapSleepApi();
        user.MapGroup("").WithTags("Nightly Recharge").MapNightlyRechargeApi();
        user.MapGroup("").WithTags("Activity").MapActivityApi();
        user.MapGroup("").WithTags("Exercises").MapExercisesApi();
        user.MapGroup("").WithTags("Heart Rate").MapHeartRateApi();
        user.MapGroup("").WithTags("Polar Summaries").MapSummaryApi();
        user.MapGroup("").WithTags("Export").MapExportApi().MapArchiveApi();
        user.MapGroup("").WithTags("Analytics").MapAnalyticsApi();
        user.MapGroup("").WithTags("Imports").MapImportsApi();

        app.MapPolarWebhookApi();
        app.MapPolarFlowMcp();
        // A newcomer opens the API's address first: send a browser to the dashboard, else to the API's docs.
        app.MapGet("/", (Microsoft.Extensions.Options.IOptions<DeploymentOptions> deployment) =>
            Results.Redirect(deployment.Value.DashboardUrl is { Length: > 0 } dashboard ? dashboard : "/docs/v1"))
            .ExcludeFromDescription();
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", options => options.WithTitle("PolarFlow API"));
        return app;
    }
}
