using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// The errors every operation can answer, documented as what they are: ProblemDetails (RFC 9457) with the
/// `parameter` of a 400. A generated client then knows every status it may meet and how to read it.
/// </summary>
public sealed class OpenApiProblemResponses : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public const string SchemaName = "ProblemDetails";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var route = context.Description.RelativePath ?? "";
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            Add(operation, context, "400", "A parameter or the body is not valid; `parameter` names it.");
        }
        if (operation.RequestBody is not null)
        {
            Add(operation, context, "415", "The body is not of a media type this operation reads.");
        }
        Add(operation, context, "401", "No API key, or an unknown or revoked one.");
        Add(operation, context, "403", "The key may not reach this user or this operation.");
        if (route.Contains('{'))
        {
            Add(operation, context, "404", "No such user, or no such record.");
        }
        Add(operation, context, "429", "The key's rate limit is spent; try again after `Retry-After` seconds.");
        Add(operation, context, "503", "The database is unavailable; try again after `Retry-After` seconds.");
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An error (RFC 9457): what went wrong and, for a 400, which parameter.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A URI naming the kind of error." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "A short, human-readable summary." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "What to change." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["parameter"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The invalid parameter (400)." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Every invalid parameter with its messages (400).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
            Examples = [JsonNode.Parse("""
                {"type":"https://polarflow.dev/problems/validation","title":"Invalid days","status":400,
                 "detail":"The field days must be between 1 and 3650.","parameter":"days"}
                """)!],
        };
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(SchemaName, context.Document) },
            },
        };
    }
}
