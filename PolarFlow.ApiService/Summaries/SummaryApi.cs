using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Summaries;

/// <summary>Cardio load, SleepWise, biosensing and physical information: small daily or per-test records.</summary>
public static class SummaryApi
{
    public sealed record CardioLoadDto(DateOnly Date, string? Status, double? CardioLoad, double? Strain, double? Tolerance, double? Ratio);
    public sealed record AlertnessDto(DateTimeOffset PeriodStartTime, DateTimeOffset? PeriodEndTime, string ResultType, double? Grade, string? GradeClassification,
        string? SleepInertia, JsonElement? HourlyData);
    public sealed record BedtimeDto(DateTimeOffset PeriodStartTime, DateTimeOffset? PeriodEndTime, string? Quality, DateTimeOffset? PreferredSleepPeriodStartTime,
        DateTimeOffset? PreferredSleepPeriodEndTime);
    public sealed record Spo2Dto(long TestTime, DateTimeOffset TestTimeUtc, int? BloodOxygenPercent, string? Spo2Class, string? TestStatus, int? AverageHeartRateBpm);
    public sealed record EcgDto(long TestTime, DateTimeOffset TestTimeUtc, int? AverageHeartRateBpm, double? HeartRateVariabilityMs, string? HeartRateVariabilityLevel);
    public sealed record EcgDetailDto(EcgDto Test, JsonElement? Samples, JsonElement? QualityMeasurements);
    public sealed record BodyTemperatureDto(DateTime StartTime, DateTime? EndTime, string? MeasurementType, JsonElement? Samples);
    public sealed record SkinTemperatureDto(DateOnly SleepDate, double? SleepTimeSkinTemperatureCelsius, double? DeviationFromBaselineCelsius);
    public sealed record PhysicalInfoDto(DateTimeOffset ModifiedAt, double? Weight, double? Height, int? MaximumHeartRate, int? RestingHeartRate, int? AerobicThreshold,
        int? AnaerobicThreshold, int? Vo2Max, TimeSpan? SleepGoal);
    public sealed record PhysicalInfoHistoryDto(string UserId, PhysicalInfoDto? Latest, IReadOnlyList<PhysicalInfoDto> History);

    public static RouteGroupBuilder MapSummaryApi(this RouteGroupBuilder user)
    {
        user.MapGet("/cardio-load", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists, r => db.CardioLoad.AsNoTracking()
                    .Where(c => c.UserId == userId && c.Date >= r.From && c.Date <= r.To).OrderBy(c => c.Date),
                c => new CardioLoadDto(c.Date, c.CardioLoadStatus, c.CardioLoad, c.Strain, c.Tolerance, c.CardioLoadRatio), ct))
            .WithName("ListCardioLoad").WithSummary("List cardio load")
            .WithDescription("Polar's cardio load, strain, tolerance and status per day (null: not available).");

        user.MapGet("/sleepwise/alertness", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists, r => db.SleepWiseAlertness.AsNoTracking()
                    .Where(a => a.UserId == userId && a.PeriodStartTime >= RangeQuery.StartOf(r.From) && a.PeriodStartTime < RangeQuery.StartOf(r.To.AddDays(1))).OrderBy(a => a.PeriodStartTime),
                a => new AlertnessDto(a.PeriodStartTime, a.PeriodEndTime, a.ResultType, a.Grade, a.GradeClassification, a.SleepInertia, JsonColumn.Parse(a.HourlyData)), ct))
            .WithName("ListSleepWiseAlertness").WithSummary("List SleepWise alertness")
            .WithDescription("SleepWise alertness periods (UTC).");

        user.MapGet("/sleepwise/bedtime", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists, r => db.SleepWiseBedtime.AsNoTracking()
                    .Where(b => b.UserId == userId && b.PeriodStartTime >= RangeQuery.StartOf(r.From) && b.PeriodStartTime < RangeQuery.StartOf(r.To.AddDays(1))).OrderBy(b => b.PeriodStartTime),
                b => new BedtimeDto(b.PeriodStartTime, b.PeriodEndTime, b.Quality, b.PreferredSleepPeriodStartTime, b.PreferredSleepPeriodEndTime), ct))
            .WithName("ListSleepWiseBedtime").WithSummary("List SleepWise bedtime")
            .WithDescription("SleepWise circadian bedtime (UTC).");

        user.MapGet("/biosensing/spo2", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists,
                r => Tests(db.Spo2Tests.AsNoTracking().Where(s => s.UserId == userId), r, s => s.TestTime),
                s => new Spo2Dto(s.TestTime, PolarFlow.AccessLink.Models.EpochTime.ToUtc(s.TestTime), s.BloodOxygenPercent, s.Spo2Class, s.TestStatus, s.AverageHeartRateBpm), ct))
            .WithName("ListSpo2Tests").WithSummary("List SpO2 tests")
            .WithDescription("SpO2 tests.");

        user.MapGet("/biosensing/ecg", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists,
                r => Tests(db.EcgTests.AsNoTracking().Where(e => e.UserId == userId), r, e => e.TestTime), Ecg, ct))
            .WithName("ListEcgTests").WithSummary("List ECG tests")
            .WithDescription("ECG tests (without their samples; see ecg/{id}).");

        user.MapGet("/biosensing/ecg/{id:long}", async (string userId, long id, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var e = await db.EcgTests.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == userId && x.TestTime == id, ct);
            return await RangeQuery.OneAsync(userId, e is null ? null : new EcgDetailDto(Ecg(e), JsonColumn.Parse(e.Samples), JsonColumn.Parse(e.QualityMeasurements)), "such ECG test", db, ct);
        }).WithName("GetEcgTest").WithSummary("Get one ECG test")
            .WithDescription("One ECG test (its id is Polar's test_time) with samples and quality.");

        user.MapGet("/biosensing/body-temperature", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists, r =>
            {
                var (start, end) = (r.From.ToDateTime(TimeOnly.MinValue), r.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
                return db.BodyTemperature.AsNoTracking().Where(b => b.UserId == userId && b.StartTime >= start && b.StartTime < end).OrderBy(b => b.StartTime);
            }, b => new BodyTemperatureDto(b.StartTime, b.EndTime, b.MeasurementType, JsonColumn.Parse(b.Samples)), ct))
            .WithName("ListBodyTemperature").WithSummary("List body temperature")
            .WithDescription("Body temperature periods with samples.");

        user.MapGet("/biosensing/skin-temperature", (string userId, [AsParameters] DateWindow window,
            PolarFlowDbContext db, DataLists lists, CancellationToken ct) =>
            RangeQuery.ListAsync(userId, window, lists, r => db.SkinTemperature.AsNoTracking()
                    .Where(s => s.UserId == userId && s.SleepDate >= r.From && s.SleepDate <= r.To).OrderBy(s => s.SleepDate),
                s => new SkinTemperatureDto(s.SleepDate, s.SleepTimeSkinTemperatureCelsius, s.DeviationFromBaselineCelsius), ct))
            .WithName("ListSkinTemperature").WithSummary("List skin temperature")
            .WithDescription("Nightly skin temperature and its deviation from the user's baseline.");

        user.MapGet("/physical-info", async (string userId, PolarFlowDbContext db, CancellationToken ct) =>
        {
            if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return (IResult)Problems.UnknownUser(userId);
            var history = await db.PhysicalInfo.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.ModifiedAt).ToListAsync(ct);
            var dtos = history.Select(p => new PhysicalInfoDto(p.ModifiedAt, p.Weight, p.Height, p.MaximumHeartRate, p.RestingHeartRate, p.AerobicThreshold, p.AnaerobicThreshold, p.Vo2Max, p.SleepGoal)).ToList();
            return TypedResults.Ok(new PhysicalInfoHistoryDto(userId, dtos.LastOrDefault(), dtos));
        }).WithName("GetPhysicalInfo").WithSummary("Get physical information")
            .WithDescription("The latest physical information and every earlier version.");
        return user;
    }

    /// <summary>Tests by their epoch `test_time` (seconds, as Polar's example), within the date range.</summary>
    private static IQueryable<T> Tests<T>(IQueryable<T> query, DateRange r, System.Linq.Expressions.Expression<Func<T, long>> testTime)
    {
        var (from, to) = (RangeQuery.StartOf(r.From).ToUnixTimeSeconds(), RangeQuery.StartOf(r.To.AddDays(1)).ToUnixTimeSeconds());
        var parameter = testTime.Parameters[0];
        var body = System.Linq.Expressions.Expression.AndAlso(
            System.Linq.Expressions.Expression.GreaterThanOrEqual(testTime.Body, System.Linq.Expressions.Expression.Constant(from)),
            System.Linq.Expressions.Expression.LessThan(testTime.Body, System.Linq.Expressions.Expression.Constant(to)));
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter)).OrderBy(testTime);
    }

    private static EcgDto Ecg(EcgTest e) => new(e.TestTime, PolarFlow.AccessLink.Models.EpochTime.ToUtc(e.TestTime), e.AverageHeartRateBpm, e.HeartRateVariabilityMs, e.HeartRateVariabilityLevel);
}
