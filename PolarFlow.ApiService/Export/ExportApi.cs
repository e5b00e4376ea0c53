using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Export;

/// <summary>
/// CSV exports, streamed: rows go from PostgreSQL through CsvHelper to the response as they are read, so a
/// ten-year export never sits in memory.
/// </summary>
public static partial class ExportApi
{
    public static readonly string[] Types = ["sleep", "nightly-recharge", "activity", "exercises", "cardio-load", "heart-rate"];


    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder user)
    {
        user.MapGet("/export/{type}.csv", async (string userId, string type, [AsParameters] DateWindow window, HttpContext http,
            PolarFlowDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            if (!Types.Contains(type)) return Problems.Invalid("type", $"type is one of: {string.Join(", ", Types)}.");
            var r = window.Resolve(time);
            if (!await db.Users.AnyAsync(u => u.UserId == userId, ct)) return Problems.UnknownUser(userId);

            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{userId}-{type}-{r.From:yyyy-MM-dd}-{r.To:yyyy-MM-dd}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false));
            await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, false);
            var (start, end) = (r.From.ToDateTime(TimeOnly.MinValue), r.To.AddDays(1).ToDateTime(TimeOnly.MinValue));
            switch (type)
            {
                case "sleep":
                    await csv.WriteRecordsAsync(db.Sleep.AsNoTracking().Where(s => s.UserId == userId && s.Date >= r.From && s.Date <= r.To).OrderBy(s => s.Date)
                        .Select(s => new SleepRow(s.Date, s.SleepStartTime, s.SleepEndTime, s.LightSleep, s.DeepSleep, s.RemSleep, s.TotalInterruptionDuration, s.SleepScore, s.SleepCharge, s.Continuity))
                        .AsAsyncEnumerable(), ct);
                    break;
                case "nightly-recharge":
                    await csv.WriteRecordsAsync(db.NightlyRecharge.AsNoTracking().Where(n => n.UserId == userId && n.Date >= r.From && n.Date <= r.To).OrderBy(n => n.Date)
                        .Select(n => new RechargeRow(n.Date, n.HeartRateAvg, n.HeartRateVariabilityAvg, n.BreathingRateAvg, n.AnsCharge, n.NightlyRechargeStatus)).AsAsyncEnumerable(), ct);
                    break;
                case "activity":
                    await csv.WriteRecordsAsync(db.DailyActivity.AsNoTracking().Where(a => a.UserId == userId && a.Date >= r.From && a.Date <= r.To).OrderBy(a => a.Date)
                        .AsAsyncEnumerable().Select(a => new ActivityRow(a.Date, a.Steps, a.Calories, a.ActiveCalories, Iso(a.ActiveDuration), a.DistanceFromSteps)), ct);
                    break;
                case "exercises":
                    await csv.WriteRecordsAsync(db.Exercises.AsNoTracking().Where(e => e.UserId == userId && e.StartTime >= start && e.StartTime < end).OrderBy(e => e.StartTime)
                        .AsAsyncEnumerable().Select(e => new ExerciseRow(e.ExerciseId, e.StartTime, e.Sport, Iso(e.Duration), e.Distance, e.Calories, e.HeartRateAverage, e.HeartRateMaximum, e.TrainingLoad, e.CardioLoad)), ct);
                    break;
                case "cardio-load":
                    await csv.WriteRecordsAsync(db.CardioLoad.AsNoTracking().Where(c => c.UserId == userId && c.Date >= r.From && c.Date <= r.To).OrderBy(c => c.Date)
                        .Select(c => new CardioLoadRow(c.Date, c.CardioLoadStatus, c.CardioLoad, c.Strain, c.Tolerance, c.CardioLoadRatio)).AsAsyncEnumerable(), ct);
                    break;
                default:
                    await csv.WriteRecordsAsync(HeartRateRows(db, userId, r, ct), ct);
                    break;
            }
            return Results.Empty;
        }).DisableRequestTimeout()
            .WithName("ExportCsv").WithSummary("Export a data type as CSV")
            .WithDescription("CSV of sleep, nightly-recharge, activity, exercises, cardio-load or heart-rate (one row per sample), streamed.");
        return user;
    }

    private static async IAsyncEnumerable<HeartRateRow> HeartRateRows(PolarFlowDbContext db, string userId, DateRange r, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var day in db.ContinuousHeartRate.AsNoTracking().Where(d => d.UserId == userId && d.Date >= r.From && d.Date <= r.To).OrderBy(d => d.Date).AsAsyncEnumerable().WithCancellation(ct))
        {
            for (var i = 0; i < day.HeartRates.Length; i++)
            {
                yield return new HeartRateRow(day.Date, TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(day.SampleSeconds[i])), day.HeartRates[i]);
            }
        }
    }

    private static string? Iso(TimeSpan? t) => t is { } v ? System.Xml.XmlConvert.ToString(v) : null;
}
