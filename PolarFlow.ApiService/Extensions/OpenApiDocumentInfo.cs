using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// The document's title, licence, servers and security scheme (an API key as X-API-Key, or the same key as a
/// Bearer token), with the URL-segment version written into the paths (`/api/v{version}` → `/api/v1`).
/// </summary>
public sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "PolarFlow API";
        document.Info.Description = "Polar data kept forever, with analytics. Every call needs an API key: X-API-Key, or Authorization: Bearer.";
        document.Info.License = new OpenApiLicense { Name = "MIT", Url = new Uri("https://opensource.org/licenses/MIT") };
        var version = context.DocumentName.TrimStart('v');
        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths) paths[path.Replace("{version}", version)] = item;
        document.Paths = paths;
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');

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
