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

    public static void Add(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api, PolarFlowInfrastructure infrastructure)
    {
        var path = builder.Configuration["PolarFlow:Laravel:Path"];
        if (string.IsNullOrWhiteSpace(path) || builder.ExecutionContext.IsPublishMode) return;

        var serviceKey = builder.AddParameter("laravel-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
        var appKey = builder.AddParameter("laravel-app-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
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
                    context.Args.Add(arg.Contains("{port}", StringComparison.Ordinal)
                        ? ReferenceExpression.Create($"{arg[..arg.IndexOf("{port}", StringComparison.Ordinal)]}{port}{arg[(arg.IndexOf("{port}", StringComparison.Ordinal) + 6)..]}")
                        : arg);
                }
            })
            .WithReference(api)
            .WithEnvironment("POLARFLOW_API_KEY", serviceKey)
            .WithEnvironment("APP_KEY", appKey)
            .WaitFor(api)
            .WithHttpHealthCheck(builder.Configuration["PolarFlow:Laravel:HealthPath"] ?? "/");
        api.WithEnvironment("PolarFlow__FrontEndUrl", laravel.GetEndpoint("http")); // the connect flow may return to Laravel
        if (string.Equals(builder.Configuration["DEPLOYMENT_MODE"], "saas", StringComparison.OrdinalIgnoreCase))
        {
            laravel.WithReference(infrastructure.Database);
        }
    }
}
