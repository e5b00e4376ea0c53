using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.ApiService.Auth;
using PolarFlow.ApiService.Database;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Users;

public static partial class UsersApi
{
    public sealed record CreateUser(string UserId);
    public sealed record UserDto(string UserId, string ConnectionState, string? ConnectionStateReason, long? PolarUserId, DateOnly? FirstDate, DateOnly? LastDate,
        long DataVersion, DateTimeOffset CreatedAt);

    public sealed record UserSummaryDto(string UserId, string ConnectionState, string? ConnectionStateReason, DateOnly? FirstDate, DateOnly? LastDate,
        DateTimeOffset? LastSyncAt);
    public sealed record UserPageDto(int Page, int PageSize, int Total, IReadOnlyList<UserSummaryDto> Items);

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$")]
    private static partial Regex UserIdPattern();

    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/users", async Task<Results<Created<UserDto>, ProblemHttpResult>> (CreateUser request, PolarFlowDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (request.UserId is null || !UserIdPattern().IsMatch(request.UserId))
                return Problems.Invalid("userId", "userId is 1-128 letters, digits, '.', '_' or '-'.");
            if (await db.Users.AnyAsync(u => u.UserId == request.UserId, ct))
                return TypedResults.Problem(statusCode: 409, title: "The user exists", type: "https://polarflow.dev/problems/conflict");
            var user = db.Users.Add(new PolarUser { UserId = request.UserId, CreatedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() }).Entity;
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/v1/users/{user.UserId}", ToDto(user, null, null));
        }).RequireAuthorization(UserAccess.ManagePolicy).WithName("CreateUser").WithSummary("Create a user")
            .WithDescription("Create a tenant user (admin or service key); connect Polar next.");

        api.MapGet("/users", async ([Range(1, 1_000_000)] int? page,
            [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size"), Range(1, 200)] int? pageSize, PolarFlowDbContext db,
            CancellationToken ct) =>
        {
            var (number, size) = (page ?? 1, pageSize ?? 50);
            var total = await db.Users.CountAsync(ct);
            var users = await db.Users.AsNoTracking().OrderBy(u => u.UserId).Skip((number - 1) * size).Take(size).ToListAsync(ct);
            var ids = users.Select(u => u.UserId).ToList();
            var days = await db.Sleep.Where(s => ids.Contains(s.UserId)).Select(s => new { s.UserId, s.Date })
                .Concat(db.DailyActivity.Where(a => ids.Contains(a.UserId)).Select(a => new { a.UserId, a.Date }))
                .GroupBy(d => d.UserId).Select(g => new { UserId = g.Key, First = g.Min(d => d.Date), Last = g.Max(d => d.Date) })
                .ToDictionaryAsync(d => d.UserId, ct);
            var synced = await db.SyncCursors.Where(c => ids.Contains(c.UserId)).GroupBy(c => c.UserId)
                .Select(g => new { UserId = g.Key, Last = g.Max(c => c.LastSuccessAt) }).ToDictionaryAsync(c => c.UserId, c => c.Last, ct);
            var items = users.Select(u => new UserSummaryDto(u.UserId, u.ConnectionState.ToString(), u.ConnectionStateReason,
                days.GetValueOrDefault(u.UserId)?.First, days.GetValueOrDefault(u.UserId)?.Last, synced.GetValueOrDefault(u.UserId))).ToList();
            return TypedResults.Ok(new UserPageDto(number, size, total, items));
        }).RequireAuthorization(UserAccess.ManagePolicy)
            .WithName("ListUsers").WithSummary("List users")
            .WithDescription("Every user (admin, service or web key), by id: connection state, last successful sync, days held (`page`, `page_size` 1-200).");

        var user = api.MapGroup("/users/{userId}").RequireUserAccess();

        user.MapGet("", async Task<Results<Ok<UserDto>, ProblemHttpResult>> (string userId, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var found = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == userId, ct);
            if (found is null) return Problems.UnknownUser(userId);
            var dates = db.Sleep.Where(s => s.UserId == userId).Select(s => s.Date).Concat(db.DailyActivity.Where(a => a.UserId == userId).Select(a => a.Date));
            return TypedResults.Ok(ToDto(found, await dates.OrderBy(d => d).Cast<DateOnly?>().FirstOrDefaultAsync(ct), await dates.OrderByDescending(d => d).Cast<DateOnly?>().FirstOrDefaultAsync(ct)));
        }).WithName("GetUser").WithSummary("Get a user")
            .WithDescription("The user's Polar connection and the range of days held.");

        user.MapDelete("", async Task<Results<NoContent, ProblemHttpResult>> (string userId, PolarFlowDbContext db, PolarTokenProtector tokens,
            AccessLinkClient polar, PolarFlow.Data.Files.IExerciseFileStore files,
            NotifiedCache<UserHead> heads, NotifiedCache<ApiKey> keys,
            CancellationToken ct) =>
        {
            var found = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == userId, ct);
            if (found is null) return Problems.UnknownUser(userId);
            if (found is { EncryptedAccessToken: { } encrypted, PolarUserId: { } polarId, ConnectionState: ConnectionState.Connected })
            {
                try
                {
                    await polar.DeleteUserAsync(tokens.Unprotect(encrypted), polarId, ct); // de-register at Polar (revokes the token)
                }
                catch (AccessLinkException ex) when (ex.Kind is AccessLinkErrorKind.TokenRevoked or AccessLinkErrorKind.NotFound)
                {
                    // Already gone at Polar: nothing more to undo there.
                }
            }
            // Every row of the user goes with it (ON DELETE CASCADE); a sync still running can add none (its FK fails).
            await files.DeleteUserAsync(db, userId, ct);
            await db.Users.Where(u => u.UserId == userId).ExecuteDeleteAsync(ct);
            heads.Forget(userId); // at once here; other replicas when PostgreSQL's notification reaches them
            keys.ForgetWhere(k => k.UserId == userId);
            return TypedResults.NoContent();
        }).WithName("DeleteUser").WithSummary("Delete a user")
            .WithDescription("Erase every row of the user and de-register them at Polar; answers when done.");

        return api;
    }

    private static UserDto ToDto(PolarUser u, DateOnly? first, DateOnly? last) =>
        new(u.UserId, u.ConnectionState.ToString(), u.ConnectionStateReason, u.PolarUserId, first, last, u.DataVersion, u.CreatedAt);
}
