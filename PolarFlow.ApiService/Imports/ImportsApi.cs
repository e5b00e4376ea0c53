using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Imports;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder user)
    {
        user.MapPost("/imports", async Task<Results<Accepted<ImportDto>, ProblemHttpResult>> (string userId, HttpRequest request, PolarFlowDbContext db,
            ImportUploads uploads, CancellationToken ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return Problems.UnknownUser(userId);
            return await uploads.ReceiveAsync(userId, request, ct);
        }).WithName("CreateImport").WithSummary("Import a Polar Flow export or a PolarFlow archive")
            .WithDescription("Import a Polar Flow account export (the 'Download your data' ZIP), or restore a PolarFlow "
                + "archive (`export/archive.zip` from this or another server; checked whole first, a second import changes "
                + "nothing), as the body (application/zip) or a multipart file; 202 with the import to follow.")
          .AddOpenApiOperationTransformer(DescribeUpload).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
          .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).DisableAntiforgery().DisableRequestTimeout();

        user.MapGet("/imports", async Task<Results<Ok<ImportListDto>, ProblemHttpResult>> (string userId, PolarFlowDbContext db, CancellationToken ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return Problems.UnknownUser(userId);
            var imports = await db.Imports.AsNoTracking().Where(i => i.UserId == userId).OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
            var items = new List<ImportDto>();
            foreach (var import in imports) items.Add(await ImportQueries.LoadAsync(db, import, ct));
            return TypedResults.Ok(new ImportListDto(userId, items.Count, items));
        }).WithName("ListImports").WithSummary("List imports")
            .WithDescription("The user's imports, newest first.");

        user.MapGet("/imports/{id:guid}", async Task<Results<Ok<ImportDto>, ProblemHttpResult>> (string userId, Guid id, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var import = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.UserId == userId && i.Id == id, ct);
            if (import is null) return TypedResults.Problem(statusCode: 404, title: "No such import", type: "https://polarflow.dev/problems/not-found");
            return TypedResults.Ok(await ImportQueries.LoadAsync(db, import, ct));
        }).WithName("GetImport").WithSummary("Get one import")
            .WithDescription("One import: files done of total, records by table (read, changed), skipped files by family, per-file errors, and the outcome.");
        return user;
    }

    /// <summary>
    /// The upload's body in the OpenAPI document. Not `Accepts(...)` metadata: routing would then answer 415 before
    /// authorization, telling a key that may not touch this user something about the route.
    /// </summary>
    private static Task DescribeUpload(OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The export ZIP from Polar's 'Download your data', or a PolarFlow archive.zip.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/zip"] = new() { Schema = binary },
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = binary }, Required = new HashSet<string> { "file" } },
                },
            },
        };
        return Task.CompletedTask;
    }
}
