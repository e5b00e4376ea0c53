using Microsoft.Extensions.Configuration;

namespace PolarFlow.AppHost.Infrastructure;

/// <summary>
/// An optional Laravel front end (`PolarFlow:Laravel:Path`, e.g. `samples/laravel`), run by the AppHost in development.
/// It references the ApiService, so it finds the API in the service-discovery variables Aspire injects
/// (`services__apiservice__http__0`), and calls it with a service key made for it (`POLARFLOW_API_KEY`, which the API
/// knows as `PolarFlow:ServiceApiKey`); `APP_KEY` is generated too. With `DEPLOYMENT_MODE=saas` it also gets the
/// PostgreSQL connection, for its own schema.
/// </summary>
public static class LaravelApp
{
    public const string DefaultArgs = "artisan serve --host=127.0.0.1 --port={port}";

    public static void Add(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api,
        PolarFlowInfrastructure infrastructure, bool saas)
    {
        var path = builder.Configuration["PolarFlow:Laravel:Path"];
        if (string.IsNullOrWhiteSpace(path) || builder.ExecutionContext.IsPublishMode) return;

        var serviceKey = builder.AddGeneratedSecret("laravel-api-key");
        var appKey = builder.AddGeneratedSecret("laravel-app-key");
        api.WithEnvironment("PolarFlow__ServiceApiKey", serviceKey);
        var command = builder.Configuration["PolarFlow:Laravel:Command"] ?? "php";
        var args = (builder.Configuration["PolarFlow:Laravel:Args"] ?? DefaultArgs).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var laravel = builder.AddExecutable("laravel", command, Path.GetFullPath(path, builder.AppHostDirectory))
            .WithHttpEndpoint(name: "http");
        var port = laravel.GetEndpoint("http").Property(EndpointProperty.TargetPort);
        laravel.WithArgs(context =>
            {
                foreach (var arg in args)
                {
                    var at = arg.IndexOf("{port}", StringComparison.Ordinal);
                    var rest = at < 0 ? "" : arg[(at + "{port}".Length)..];
                    context.Args.Add(at < 0 ? arg : ReferenceExpression.Create($"{arg[..at]}{port}{rest}"));
                }
            })
            .WithReference(api)
            .WithEnvironment("POLARFLOW_API_KEY", serviceKey)
            .WithEnvironment("APP_KEY", appKey)
            // `artisan serve` is PHP's built-in server: one request at a time unless it forks workers, and a browser's
            // idle preconnect or a slow API call would hold up every other page.
            .WithEnvironment("PHP_CLI_SERVER_WORKERS", "4")
            .WaitFor(api)
            .WithHttpHealthCheck(builder.Configuration["PolarFlow:Laravel:HealthPath"] ?? "/");
        // The connect flow may return to Laravel.
        api.WithEnvironment("PolarFlow__FrontEndUrl", laravel.GetEndpoint("http"));
        if (saas)
        {
            laravel.WithReference(infrastructure.Database);
        }
    }
}
