using Microsoft.Extensions.Configuration;

namespace PolarFlow.AppHost.Infrastructure;

/// <summary>
/// An optional Laravel front end (`PolarFlow:Laravel:Path`), run by the AppHost in development. It references the
/// ApiService, so it finds the API in the service-discovery variables Aspire injects
/// (`services__apiservice__http__0`); with `DEPLOYMENT_MODE=saas` it also gets the PostgreSQL connection.
/// </summary>
public static class LaravelApp
{
    public const string DefaultArgs = "artisan serve --host=127.0.0.1 --port={port}";

    public static void Add(IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> api, PolarFlowInfrastructure infrastructure,
        IResourceBuilder<ParameterResource> apiKey)
    {
        var path = builder.Configuration["PolarFlow:Laravel:Path"];
        if (string.IsNullOrWhiteSpace(path) || builder.ExecutionContext.IsPublishMode) return;

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
            // For development: the admin key. In production give Laravel a service key (POST /api/v1/keys).
            .WithEnvironment("POLARFLOW_API_KEY", apiKey)
            .WaitFor(api)
            .WithHttpHealthCheck(builder.Configuration["PolarFlow:Laravel:HealthPath"] ?? "/");
        if (string.Equals(builder.Configuration["DEPLOYMENT_MODE"], "saas", StringComparison.OrdinalIgnoreCase))
        {
            laravel.WithReference(infrastructure.Database);
        }
    }
}
