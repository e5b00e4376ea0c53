using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.HeartRate;

/// <summary>Continuous heart rate: ~288 samples a day, so a list asks for at most 31 days at a time.</summary>
public static class HeartRateApi
{
    public const int MaxDays = 31;

    public sealed record SampleDto(TimeOnly Time, int Bpm);
    public sealed record DayDto(DateOnly Date, int Count, int? Min, int? Max, double? Mean, IReadOnlyList<SampleDto> Samples);

    public static RouteGroupBuilder MapHeartRateApi(this RouteGroupBuilder user)
    {
        user.MapGet("/heart-rate", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists,
                r => db.ContinuousHeartRate.AsNoTracking().Where(d => d.UserId == userId && d.Date >= r.From && d.Date <= r.To)
                    .OrderBy(d => d.Date), ToDto, ct, MaxDays, defaultDays: 1))
            .WithName("ListHeartRate").WithSummary("List continuous heart rate")
            .WithDescription("Continuous heart rate per day (?from=&to=, at most 31 days; default today).");

        user.MapGet("/heart-rate/{date}", async (string userId, DateOnly date, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var found = await db.ContinuousHeartRate.AsNoTracking().SingleOrDefaultAsync(d => d.UserId == userId && d.Date == date, ct);
            return await RangeQuery.OneAsync(userId, found is null ? null : ToDto(found), "heart rate for that date", db, ct);
        }).WithName("GetHeartRate").WithSummary("Get one day's continuous heart rate")
            .WithDescription("One day's continuous heart rate samples (device time).");
        return user;
    }

    private static DayDto ToDto(ContinuousHeartRateDay d) => new(d.Date, d.HeartRates.Length,
        d.HeartRates.Length == 0 ? null : d.HeartRates.Min(), d.HeartRates.Length == 0 ? null : d.HeartRates.Max(),
        d.HeartRates.Length == 0 ? null : Math.Round(d.HeartRates.Average(), 1),
        d.SampleSeconds.Zip(d.HeartRates, (s, b) => new SampleDto(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(s)), b)).ToList());
}
