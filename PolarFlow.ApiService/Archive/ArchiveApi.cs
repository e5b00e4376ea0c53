using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Archive;

public static partial class ArchiveApi
{
    public static RouteGroupBuilder MapArchiveApi(this RouteGroupBuilder user)
    {
        user.MapGet("/export/archive.zip", async (string userId, HttpContext http, PolarFlowDbContext db, AccountArchive archive,
            TimeProvider time, ILogger<AccountArchive> logger, CancellationToken ct) =>
        {
            var found = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == userId, ct);
            if (found is null) return (IResult)Problems.UnknownUser(userId);
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{userId}-polarflow-archive-{time.GetUtcNow():yyyy-MM-dd}.zip\"";
            try
            {
                await archive.WriteAsync(found, http.Response.Body, ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
            {
                // The client went away mid-download: stop reading, and nothing to report but that.
                LogAborted(logger, userId);
            }
            return Results.Empty;
        }).Produces(StatusCodes.Status200OK, contentType: "application/zip").DisableRequestTimeout()
            .WithName("ExportArchive").WithSummary("Download the whole account as a ZIP")
            .WithDescription("Every table as JSON Lines and CSV, the original exercise files, today's analytics, a manifest and a "
                + "README, streamed as it is read. Re-importable: POST it to …/imports of a user on any PolarFlow.");
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The archive download of {UserId} ended early: the client disconnected")]
    private static partial void LogAborted(ILogger logger, string userId);
}
