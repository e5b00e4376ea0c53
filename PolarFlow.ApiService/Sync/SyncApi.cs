using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.ApiService.Connect;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;

namespace PolarFlow.ApiService.Sync;

public static class SyncApi
{
    /// <param name="NotBefore">When a queued job may run: now, or after a retry's backoff or Polar's rate-limit window.</param>
    /// <param name="Error">For a queued job, what it waits for and until when; for an ended one, what failed.</param>
    public sealed record JobDto(Guid Id, string Trigger, string Status, int Priority, string[] DataTypes, DateTimeOffset QueuedAt,
        DateTimeOffset NotBefore, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempt, string? Error, System.Text.Json.JsonElement? Steps);
    public sealed record CursorDto(string DataType, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastAttemptAt, string? LastError, DateOnly? NewestDate);
    public sealed record StatusDto(string UserId, string ConnectionState, string? Reason, long? PolarUserId, long DataVersion, JobDto? CurrentJob, IReadOnlyList<CursorDto> DataTypes);

    public static RouteGroupBuilder MapSyncApi(this RouteGroupBuilder api)
    {
        // 202: the job runs in the SyncWorker; the status endpoint shows it.
        api.MapPost("/users/{userId}/sync/trigger", async Task<Results<Accepted<JobDto>, ProblemHttpResult>> (
            string userId, HttpRequest request, PolarFlowDbContext db, SyncJobQueue queue, PolarConnectService connect, CancellationToken ct) =>
        {
            // The brief's X-Polar-Token: a token obtained elsewhere is stored (encrypted) and used from now on.
            if (request.Headers["X-Polar-Token"].FirstOrDefault() is { Length: > 0 } polarToken)
            {
                await connect.SaveTokenAsync(userId, null, polarToken.Trim(), ct);
            }
            else if (!await db.Users.AnyAsync(u => u.UserId == userId, ct))
            {
                return Problems.UnknownUser(userId);
            }
            var job = await queue.EnqueueAsync(userId, SyncJobTrigger.Manual, ct: ct);
            return TypedResults.Accepted($"/api/v1/users/{Uri.EscapeDataString(userId)}/sync/status", ToDto(job));
        }).WithName("TriggerSync").WithSummary("Queue a sync")
            .WithDescription("Queue a sync of every data type for the user (folded into a job already waiting).");

        api.MapGet("/users/{userId}/sync/status", async Task<Results<Ok<StatusDto>, ProblemHttpResult>> (string userId, PolarFlowDbContext db, CancellationToken ct) =>
            await StatusAsync(db, userId, ct) is { } status ? TypedResults.Ok(status) : Problems.UnknownUser(userId))
            .WithName("GetSyncStatus").WithSummary("Get sync status")
            .WithDescription("Connection state, the last success per data type and the newest job.");

        api.MapGet("/users/{userId}/sync/history", async Task<Results<Ok<List<JobDto>>, ProblemHttpResult>> (string userId,
            [Range(1, 200), Description("How many jobs, newest first (default 20).")] int? limit, PolarFlowDbContext db, CancellationToken ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return Problems.UnknownUser(userId);
            var jobs = await db.SyncJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.QueuedAt)
                .Take(limit ?? 20).ToListAsync(ct);
            return TypedResults.Ok(jobs.Select(ToDto).ToList());
        }).WithName("ListSyncHistory").WithSummary("List sync jobs")
            .WithDescription("The user's sync jobs, newest first (limit 1-200, default 20).");

        return api;
    }

    /// <summary>The user's connection, newest job and progress per data type; null for an unknown user.</summary>
    public static async Task<StatusDto?> StatusAsync(PolarFlowDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == userId, ct);
        if (user is null) return null;
        var job = await db.SyncJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.QueuedAt)
            .FirstOrDefaultAsync(ct);
        var cursors = await db.SyncCursors.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.DataType)
            .Select(c => new CursorDto(c.DataType, c.LastSuccessAt, c.LastAttemptAt, c.LastError, c.NewestDate)).ToListAsync(ct);
        return new StatusDto(user.UserId, user.ConnectionState.ToString(), user.ConnectionStateReason, user.PolarUserId,
            user.DataVersion, job is null ? null : ToDto(job), cursors);
    }

    public static JobDto ToDto(SyncJob j) => new(j.Id, j.Trigger.ToString(), j.Status.ToString(), j.Priority, j.DataTypes,
        j.QueuedAt, j.NotBefore, j.StartedAt, j.FinishedAt, j.Attempt, j.Error,
        j.StepResults is null ? null : System.Text.Json.JsonDocument.Parse(j.StepResults).RootElement.Clone());
}
