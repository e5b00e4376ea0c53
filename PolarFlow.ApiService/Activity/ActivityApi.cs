using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Activity;

public static class ActivityApi
{
    public sealed record ActivityDto(DateOnly Date, int? Steps, int? Calories, int? ActiveCalories, TimeSpan? ActiveDuration, TimeSpan? InactiveDuration,
        double? DailyActivity, int? InactivityAlertCount, double? DistanceFromSteps, IReadOnlyList<string> Provenance);
    public sealed record SamplesDto(DateOnly Date, int? StepIntervalMs, int? TotalSteps, JsonElement? Steps, JsonElement? ActivityZones, JsonElement? InactivityStamps);

    public static RouteGroupBuilder MapActivityApi(this RouteGroupBuilder user)
    {
        user.MapGet("/activity", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists,
                r => db.DailyActivity.Where(a => a.UserId == userId && a.Date >= r.From && a.Date <= r.To).OrderBy(a => a.Date), ToDto, ct))
            .WithName("ListActivity").WithSummary("List daily activity")
            .WithDescription("Daily activity: steps, calories, active time (?days= or ?from=&to=).");

        user.MapGet("/activity/{date}", async (string userId, DateOnly date, PolarFlowDbContext db, CancellationToken ct) =>
            await RangeQuery.OneAsync(userId, (await Find(db, userId, date, ct)) is { } a ? ToDto(a) : null, "activity for that date", db, ct))
            .WithName("GetActivity").WithSummary("Get one day's activity")
            .WithDescription("One day's activity summary.");

        user.MapGet("/activity/{date}/samples", async (string userId, DateOnly date, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var s = await db.ActivitySamples.SingleOrDefaultAsync(x => x.UserId == userId && x.Date == date, ct);
            return await RangeQuery.OneAsync(userId, s is null ? null : new SamplesDto(s.Date, s.StepIntervalMs, s.TotalSteps,
                JsonColumn.Parse(s.StepSamples), JsonColumn.Parse(s.ActivityZones), JsonColumn.Parse(s.InactivityStamps)), "activity samples for that date", db, ct);
        }).WithName("GetActivitySamples").WithSummary("Get one day's activity samples")
            .WithDescription("One day's minute steps (Polar drops repeated values), activity zones and inactivity stamps.");
        return user;
    }

    private static Task<DailyActivity?> Find(PolarFlowDbContext db, string userId, DateOnly day, CancellationToken ct) =>
        db.DailyActivity.SingleOrDefaultAsync(a => a.UserId == userId && a.Date == day, ct);

    private static ActivityDto ToDto(DailyActivity a) => new(a.Date, a.Steps, a.Calories, a.ActiveCalories, a.ActiveDuration, a.InactiveDuration,
        a.DailyActivityPercent, a.InactivityAlertCount, a.DistanceFromSteps, RecordSources.Of(a.Source, a.ExportRaw));
}
