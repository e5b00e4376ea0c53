using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Exercises;

public static class ExercisesApi
{
    public sealed record ExerciseDto(string Id, DateTime? StartTime, int? StartTimeUtcOffsetMinutes, TimeSpan? Duration, string? Sport, string? DetailedSportInfo,
        double? Distance, int? Calories, int? HeartRateAverage, int? HeartRateMaximum, double? TrainingLoad, double? CardioLoad, double? MuscleLoad, bool? HasRoute,
        IReadOnlyList<string> Provenance);
    public sealed record ExerciseDetailDto(ExerciseDto Exercise, JsonElement? HeartRateZones, JsonElement? TrainingLoadPro,
        [property: Description("The session's original files: AccessLink's FIT, TCX and GPX, and any an export held beside it.")]
        IReadOnlyList<ExerciseFileDto> Files);
    public sealed record ExerciseFileDto(string Format, string Source,
        [property: Description("stored, or absent: the source has no such file (a GPX without GPS).")] string Status,
        string? ContentType, long? SizeBytes, string? Sha256, [property: Description("Where to download it; null when absent.")] string? Url);
    public sealed record SeriesDto(int SampleType, int? RecordingRate, int Count, IReadOnlyList<double?> Values);
    public sealed record RouteDto(string ExerciseId, int PointCount, JsonElement Points);

    public static RouteGroupBuilder MapExercisesApi(this RouteGroupBuilder user)
    {
        user.MapGet("/exercises", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists, r =>
            {
                var (start, end) = (r.From.ToDateTime(TimeOnly.MinValue), r.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
                return db.Exercises.AsNoTracking().Where(e => e.UserId == userId && e.StartTime >= start && e.StartTime < end).OrderBy(e => e.StartTime);
            }, ToDto, ct))
            .WithName("ListExercises").WithSummary("List exercises")
            .WithDescription("Training sessions by local start date (?days= or ?from=&to=).");

        user.MapGet("/exercises/{id}", async (string userId, string id, PolarFlowDbContext db, CancellationToken ct) =>
            await RangeQuery.OneAsync(userId, await DetailAsync(db, userId, id, ct), "such exercise", db, ct))
            .WithName("GetExercise").WithSummary("Get one exercise")
            .WithDescription("One session with heart-rate zones, Training Load Pro and its original files.");
        user.MapExerciseFiles();

        user.MapGet("/exercises/{id}/samples", async (string userId, string id,
            [Range(0, 11), Description("One series: 0 HR, 1 speed, 2 cadence, 3 altitude, 4 power, ... 11 RR interval.")] int? type,
            PolarFlowDbContext db, CancellationToken ct) =>
        {
            var series = await db.ExerciseSamples.AsNoTracking().Where(s => s.UserId == userId && s.ExerciseId == id && (type == null || s.SampleType == type))
                .OrderBy(s => s.SampleType).ToListAsync(ct);
            var values = series.Select(s => s.Data.Split(',').Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToList())
                .Zip(series, (v, s) => new SeriesDto(s.SampleType, s.RecordingRate, v.Count, v)).ToList();
            return await RangeQuery.OneAsync(userId, series.Count == 0 ? null : values, "samples for that exercise", db, ct);
        }).WithName("GetExerciseSamples").WithSummary("Get an exercise's sample series")
            .WithDescription("Sample series (?type=: 0 HR, 1 speed, 3 altitude, ...); null marks a sensor gap.");

        user.MapGet("/exercises/{id}/route", async (string userId, string id, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var route = await db.ExerciseRoutes.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.ExerciseId == id, ct);
            return await RangeQuery.OneAsync(userId, route is null ? null : new RouteDto(id, route.PointCount, JsonColumn.Parse(route.Points)!.Value), "route for that exercise", db, ct);
        }).WithName("GetExerciseRoute").WithSummary("Get an exercise's route")
            .WithDescription("The GPS route: latitude, longitude, time since start.");
        return user;
    }

    /// <summary>One session with its zones, Training Load Pro and files, as `GET …/exercises/{id}` answers it; null when unknown.</summary>
    public static async Task<ExerciseDetailDto?> DetailAsync(PolarFlowDbContext db, string userId, string id, CancellationToken ct)
    {
        var e = await db.Exercises.AsNoTracking().SingleOrDefaultAsync(x => x.UserId == userId && x.ExerciseId == id, ct);
        if (e is null) return null;
        var files = await db.ExerciseFiles.AsNoTracking().Where(f => f.UserId == userId && f.ExerciseId == id)
            .OrderBy(f => f.Format).ThenBy(f => f.Source).ToListAsync(ct);
        return new(ToDto(e), JsonColumn.Parse(e.HeartRateZones), JsonColumn.Parse(e.TrainingLoadPro),
            [.. files.Select(f => ExerciseFilesApi.ToDto(f))]);
    }

    public static ExerciseDto ToDto(Exercise e) => new(e.ExerciseId, e.StartTime, e.StartTimeUtcOffsetMinutes, e.Duration, e.Sport, e.DetailedSportInfo, e.Distance,
        e.Calories, e.HeartRateAverage, e.HeartRateMaximum, e.TrainingLoad, e.CardioLoad, e.MuscleLoad, e.HasRoute, RecordSources.Of(e.Source, e.ExportRaw));
}
