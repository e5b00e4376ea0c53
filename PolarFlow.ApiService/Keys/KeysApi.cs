using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.Database;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Keys;

public static class KeysApi
{
    public sealed record CreateKey(string Name, string Kind, string? UserId);
    /// <param name="LastUsedAt">When the key last authenticated a request (written every minute, not per request).</param>
    public sealed record KeyDto(string KeyId, string Name, string Kind, string? UserId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
        DateTimeOffset? RevokedAt);
    public sealed record CreatedKeyDto(string KeyId, string Name, string Kind, string? UserId, DateTimeOffset CreatedAt, string Key);

    public static RouteGroupBuilder MapKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/keys").RequireAuthorization(UserAccess.ManagePolicy);

        keys.MapPost("", async Task<Results<Created<CreatedKeyDto>, ProblemHttpResult>> (CreateKey request, ClaimsPrincipal caller, ApiKeyService service, PolarFlowDbContext db, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
                return Problem("name", "name is required (at most 200 characters).");
            if (!Enum.TryParse<ApiKeyKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                return Problem("kind", "kind must be 'service' or 'user'.");
            if (kind == ApiKeyKind.Service && !caller.IsInRole(ApiKeyAuthentication.AdminRole) && !caller.IsInRole(ApiKeyAuthentication.WebRole))
                return TypedResults.Problem(statusCode: 403, title: "Only the admin key makes service keys", type: "https://polarflow.dev/problems/forbidden");
            if (kind == ApiKeyKind.User && (request.UserId is null || !await db.Users.AnyAsync(u => u.UserId == request.UserId, ct)))
                return Problem("userId", "A user key needs the id of an existing user.");
            if (kind == ApiKeyKind.Service && request.UserId is not null)
                return Problem("userId", "A service key reaches every user; it takes no userId.");

            var created = await service.CreateAsync(kind, request.Name.Trim(), request.UserId, ct);
            var k = created.Key;
            return TypedResults.Created($"/api/v1/keys/{k.KeyId}", new CreatedKeyDto(k.KeyId, k.Name, Kind(k.Kind), k.UserId, k.CreatedAt, created.Secret));
        }).WithName("CreateKey").WithSummary("Create an API key")
            .WithDescription("Make a service key (admin only; any user, for Laravel) or a user key (its own user only). The key is shown in this answer only.");

        keys.MapGet("", async (ClaimsPrincipal caller, PolarFlowDbContext db, KeyUsage usage, CancellationToken ct) =>
        {
            var query = db.ApiKeys.AsNoTracking();
            if (caller.IsInRole(ApiKeyAuthentication.ServiceRole)) query = query.Where(k => k.Kind == ApiKeyKind.User);
            var list = await query.OrderBy(k => k.CreatedAt).ToListAsync(ct);
            return TypedResults.Ok(list.Select(k => new KeyDto(k.KeyId, k.Name, Kind(k.Kind), k.UserId, k.CreatedAt,
                usage.Pending(k.KeyId) ?? k.LastUsedAt, k.RevokedAt)).ToList());
        }).WithName("ListKeys").WithSummary("List API keys")
            .WithDescription("The keys (never their secrets) with when each was last used; a service key sees user keys.");

        keys.MapDelete("/{keyId}", async Task<Results<NoContent, NotFound>> (string keyId, ClaimsPrincipal caller,
            PolarFlowDbContext db, NotifiedCache<ApiKey> live, TimeProvider time, CancellationToken ct) =>
        {
            var query = db.ApiKeys.Where(k => k.KeyId == keyId && k.RevokedAt == null);
            if (caller.IsInRole(ApiKeyAuthentication.ServiceRole)) query = query.Where(k => k.Kind == ApiKeyKind.User);
            var revoked = await query.ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, time.GetUtcNow()), ct);
            live.Forget(keyId); // at once here; other replicas when PostgreSQL's notification reaches them
            return revoked == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
        }).WithName("RevokeKey").WithSummary("Revoke an API key")
            .WithDescription("Revoke a key: it stops working at once.");

        return api;
    }

    private static string Kind(ApiKeyKind kind) => kind.ToString().ToLowerInvariant();

    private static ProblemHttpResult Problem(string parameter, string detail) => Common.Problems.Invalid(parameter, detail);
}
