using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// The document's title, licence, servers and security scheme (an API key as X-API-Key, or the same key as a
/// Bearer token), with the URL-segment version written into the paths (`/api/v{version}` → `/api/v1`).
/// </summary>
public sealed class OpenApiDocumentInfo(IConfiguration configuration) : IOpenApiDocumentTransformer
{
    /// <summary>Each area's tag, as generated clients and the docs page group the operations.</summary>
    private static readonly Dictionary<string, string> Areas = new()
    {
        ["Keys"] = "API keys: admin, service (Laravel) and user keys; each secret is shown once.",
        ["Users"] = "The users PolarFlow keeps data for: create, list, inspect and erase.",
        ["People"] = "Who may sign in to the dashboard (the web's key only).",
        ["Polar"] = "Connecting a user's Polar account: OAuth or an imported token.",
        ["Sync"] = "Syncing from Polar AccessLink: trigger, status and history.",
        ["Sleep"] = "Nights of sleep as Polar measured them, with hypnograms.",
        ["Nightly Recharge"] = "Overnight HRV, resting heart rate, breathing and ANS charge.",
        ["Activity"] = "Daily activity and its minute samples.",
        ["Exercises"] = "Training sessions with zones, samples and routes.",
        ["Heart Rate"] = "Continuous 24/7 heart rate.",
        ["Polar Summaries"] = "Cardio load, SleepWise, biosensing and physical information as Polar reports them.",
        ["Export"] = "The user's data as CSV.",
        ["Analytics"] = "PolarFlow's own analytics: HRV baseline, readiness, sleep debt, training load, warnings, insights.",
        ["Imports"] = "Years of history from a Polar Flow account export.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "PolarFlow API";
        document.Info.Description = "Polar data kept forever, with analytics. Every call needs an API key: X-API-Key, or Authorization: Bearer.";
        document.Info.Contact = new OpenApiContact { Name = "PolarFlow", Url = new Uri("https://polarflow.dev") };
        document.Info.License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") };
        var version = context.DocumentName.TrimStart('v');
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths) paths[path.Replace("{version}", version)] = item;
        document.Paths = paths;
        // The address clients are given: the public one (as Polar's redirects use), not whatever host served the document.
        if (configuration[Connect.PolarConnectService.PublicBaseUrlSetting] is { Length: > 0 } publicUrl)
        {
            document.Servers = [new OpenApiServer { Url = publicUrl.TrimEnd('/'), Description = "This PolarFlow" }];
        }
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        document.Tags = new HashSet<OpenApiTag>(Areas.Select(a => new OpenApiTag { Name = a.Key, Description = a.Value }));

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-API-Key", Description = "An admin, service or user key.",
        };
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "The same key as a Bearer token.",
        };
        document.Security = [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] },
        ];
        return Task.CompletedTask;
    }
}
