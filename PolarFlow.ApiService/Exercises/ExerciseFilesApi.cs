using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Files;

namespace PolarFlow.ApiService.Exercises;

/// <summary>
/// An exercise's original files as their source gave them, byte for byte: `…/exercises/{id}/fit` (and tcx, gpx, csv)
/// with the format's content type, the SHA-256 as ETag (If-None-Match answers 304) and range requests.
/// </summary>
public static class ExerciseFilesApi
{
    public static RouteGroupBuilder MapExerciseFiles(this RouteGroupBuilder user)
    {
        foreach (var format in ExerciseFileFormats.All)
        {
            var upper = format.ToUpperInvariant();
            user.MapGet($"/exercises/{{id}}/{format}", async (string userId, string id,
                [Description("accesslink or export; default AccessLink's file, else the export's.")] string? source,
                HttpContext http, PolarFlowDbContext db, IExerciseFileStore store, CancellationToken ct) =>
            {
                if (source is not (null or RecordSources.AccessLink or RecordSources.Export))
                    return Problems.Invalid("source", "source is accesslink or export.");
                var file = await db.ExerciseFiles.AsNoTracking()
                    .Where(f => f.UserId == userId && f.ExerciseId == id && f.Format == format && (source == null || f.Source == source))
                    .OrderBy(f => f.Source == RecordSources.AccessLink ? 0 : 1).FirstOrDefaultAsync(f => f.Status == ExerciseFileStatus.Stored, ct);
                var stream = file is null ? null : await store.OpenReadAsync(db, Key(file), ct);
                if (file is not null && stream is not null)
                {
                    return Results.Stream(stream, file.ContentType, $"{id}.{format}", file.UpdatedAt,
                        new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
                }
                if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return Problems.UnknownUser(userId);
                var exercise = await db.Exercises.AsNoTracking().Where(e => e.UserId == userId && e.ExerciseId == id)
                    .Select(e => new { e.Source }).SingleOrDefaultAsync(ct);
                var known = await db.ExerciseFiles.AnyAsync(f => f.UserId == userId && f.ExerciseId == id && f.Format == format, ct);
                var detail = exercise is null ? "There is no such exercise."
                    : !known && exercise.Source == RecordSources.AccessLink && ExerciseFileFormats.AccessLink.Contains(format)
                        ? $"This exercise's {upper} file has not been fetched from Polar yet: the sync fetches files with spare rate "
                            + "budget, oldest exercise first, while Polar still lists the exercise."
                        : $"This exercise has no {upper} file"
                            + (format == ExerciseFileFormats.Gpx ? " (Polar makes a GPX only for a session with GPS)." : ".");
                return TypedResults.Problem(statusCode: 404, title: $"No {upper} file", detail: detail, type: "https://polarflow.dev/problems/not-found");
            }).WithName($"GetExercise{char.ToUpperInvariant(format[0])}{format[1..]}").WithSummary($"Download an exercise's {upper} file")
                .WithDescription($"The original {upper} file as its source gave it; ETag is its SHA-256; Range requests are honoured.")
                .Produces(StatusCodes.Status200OK, contentType: ExerciseFileFormats.ContentType(format))
                .Produces(StatusCodes.Status206PartialContent, contentType: ExerciseFileFormats.ContentType(format))
                .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);
        }
        return user;
    }

    public static ExercisesApi.ExerciseFileDto ToDto(ExerciseFile f) =>
        new(f.Format, f.Source, f.Status == ExerciseFileStatus.Stored ? "stored" : "absent", f.ContentType, f.SizeBytes, f.Sha256,
            f.Status != ExerciseFileStatus.Stored ? null
            : $"/api/v1/users/{Uri.EscapeDataString(f.UserId)}/exercises/{Uri.EscapeDataString(f.ExerciseId)}/{f.Format}"
                + (f.Source == RecordSources.AccessLink ? "" : "?source=" + f.Source));

    private static ExerciseFileKey Key(ExerciseFile f) => new(f.UserId, f.ExerciseId, f.Format, f.Source);
}
