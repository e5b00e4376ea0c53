using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink.Models;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Export;

/// <summary>
/// Every data type as CSV, one writer each, streamed: rows go from PostgreSQL through CsvHelper as they are read.
/// The `…/export/{type}.csv` route and the account archive both write through here.
/// </summary>
public static class CsvExports
{
    private delegate ValueTask Writer(PolarFlowDbContext db, string userId, DateRange r, CsvWriter csv, CancellationToken ct);

    private static readonly (string Type, Writer Write)[] Writers =
    [
        ("sleep", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.Sleep.AsNoTracking()
            .Where(s => s.UserId == u && s.Date >= r.From && s.Date <= r.To).OrderBy(s => s.Date)
            .Select(s => new SleepRow(s.Date, s.SleepStartTime, s.SleepEndTime, s.LightSleep, s.DeepSleep, s.RemSleep,
                s.TotalInterruptionDuration, s.SleepScore, s.SleepCharge, s.Continuity)).AsAsyncEnumerable(), ct)),
        ("nightly-recharge", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.NightlyRecharge.AsNoTracking()
            .Where(n => n.UserId == u && n.Date >= r.From && n.Date <= r.To).OrderBy(n => n.Date)
            .Select(n => new RechargeRow(n.Date, n.HeartRateAvg, n.HeartRateVariabilityAvg, n.BreathingRateAvg, n.AnsCharge,
                n.NightlyRechargeStatus)).AsAsyncEnumerable(), ct)),
        ("activity", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.DailyActivity.AsNoTracking()
            .Where(a => a.UserId == u && a.Date >= r.From && a.Date <= r.To).OrderBy(a => a.Date).AsAsyncEnumerable()
            .Select(a => new ActivityRow(a.Date, a.Steps, a.Calories, a.ActiveCalories, Iso(a.ActiveDuration), a.DistanceFromSteps)), ct)),
        ("activity-samples", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Flatten(db.ActivitySamples.AsNoTracking()
            .Where(a => a.UserId == u && a.Date >= r.From && a.Date <= r.To).OrderBy(a => a.Date),
            a => Elements(a.StepSamples).Select(s => new ActivitySampleRow(a.Date, Text(s, "timestamp"), Int(s, "steps"))), ct), ct)),
        ("exercises", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Exercises(db, u, r).AsAsyncEnumerable()
            .Select(e => new ExerciseRow(e.ExerciseId, e.StartTime, e.Sport, Iso(e.Duration), e.Distance, e.Calories, e.HeartRateAverage,
                e.HeartRateMaximum, e.TrainingLoad, e.CardioLoad)), ct)),
        ("exercise-samples", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Flatten(db.ExerciseSamples.AsNoTracking()
            .Where(s => s.UserId == u && Exercises(db, u, r).Any(e => e.ExerciseId == s.ExerciseId)).OrderBy(s => s.ExerciseId).ThenBy(s => s.SampleType),
            s => s.Data.Split(',').Select((v, i) => new ExerciseSampleRow(s.ExerciseId, s.SampleType, s.RecordingRate, i, v)), ct), ct)),
        ("exercise-routes", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Flatten(db.ExerciseRoutes.AsNoTracking()
            .Where(x => x.UserId == u && Exercises(db, u, r).Any(e => e.ExerciseId == x.ExerciseId)).OrderBy(x => x.ExerciseId),
            x => Elements(x.Points).Select((p, i) => new ExerciseRoutePointRow(x.ExerciseId, i, Num(p, "latitude"), Num(p, "longitude"),
                Text(p, "time"))), ct), ct)),
        ("cardio-load", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.CardioLoad.AsNoTracking()
            .Where(c => c.UserId == u && c.Date >= r.From && c.Date <= r.To).OrderBy(c => c.Date)
            .Select(c => new CardioLoadRow(c.Date, c.CardioLoadStatus, c.CardioLoad, c.Strain, c.Tolerance, c.CardioLoadRatio))
            .AsAsyncEnumerable(), ct)),
        ("heart-rate", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Flatten(db.ContinuousHeartRate.AsNoTracking()
            .Where(d => d.UserId == u && d.Date >= r.From && d.Date <= r.To).OrderBy(d => d.Date),
            d => d.HeartRates.Select((bpm, i) => new HeartRateRow(d.Date, TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(d.SampleSeconds[i])), bpm)),
            ct), ct)),
        ("sleepwise-alertness", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.SleepWiseAlertness.AsNoTracking()
            .Where(a => a.UserId == u && a.PeriodStartTime >= RangeQuery.StartOf(r.From) && a.PeriodStartTime < RangeQuery.StartOf(r.To.AddDays(1)))
            .OrderBy(a => a.PeriodStartTime)
            .Select(a => new AlertnessRow(a.PeriodStartTime, a.PeriodEndTime, a.ResultType, a.Grade, a.GradeType, a.GradeClassification,
                a.Validity, a.SleepInertia, a.SleepType, a.SleepPeriodStartTime, a.SleepPeriodEndTime)).AsAsyncEnumerable(), ct)),
        ("sleepwise-bedtime", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.SleepWiseBedtime.AsNoTracking()
            .Where(b => b.UserId == u && b.PeriodStartTime >= RangeQuery.StartOf(r.From) && b.PeriodStartTime < RangeQuery.StartOf(r.To.AddDays(1)))
            .OrderBy(b => b.PeriodStartTime)
            .Select(b => new BedtimeRow(b.PeriodStartTime, b.PeriodEndTime, b.ResultType, b.Validity, b.Quality, b.PreferredSleepPeriodStartTime,
                b.PreferredSleepPeriodEndTime, b.SleepGateStartTime, b.SleepGateEndTime)).AsAsyncEnumerable(), ct)),
        ("body-temperature", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Flatten(db.BodyTemperature.AsNoTracking()
            .Where(b => b.UserId == u && b.StartTime >= Start(r) && b.StartTime < End(r)).OrderBy(b => b.StartTime),
            b => Elements(b.Samples).Select(s => new BodyTemperatureRow(b.StartTime, b.SourceDeviceId, b.MeasurementType, b.SensorLocation,
                Long(s, "recording_time_delta_milliseconds"), Num(s, "temperature_celsius"))), ct), ct)),
        ("skin-temperature", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.SkinTemperature.AsNoTracking()
            .Where(s => s.UserId == u && s.SleepDate >= r.From && s.SleepDate <= r.To).OrderBy(s => s.SleepDate)
            .Select(s => new SkinTemperatureRow(s.SleepDate, s.SleepTimeSkinTemperatureCelsius, s.DeviationFromBaselineCelsius))
            .AsAsyncEnumerable(), ct)),
        ("skin-contact", (db, u, r, csv, ct) => csv.WriteRecordsAsync(Flatten(db.SkinContacts.AsNoTracking()
            .Where(s => s.UserId == u && s.StartTime >= Start(r) && s.StartTime < End(r)).OrderBy(s => s.StartTime),
            s => Elements(s.SkinContactChanges).Select(c => new SkinContactRow(s.StartTime, s.SourceDeviceId,
                Long(c, "recording_time_delta_milliseconds"), c.TryGetProperty("skin_contact", out var v) && v.ValueKind is JsonValueKind.True
                    or JsonValueKind.False ? v.GetBoolean() : null)), ct), ct)),
        ("ecg", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.EcgTests.AsNoTracking()
            .Where(e => e.UserId == u && e.TestTime >= Epoch(r.From) && e.TestTime < Epoch(r.To.AddDays(1))).OrderBy(e => e.TestTime)
            .AsAsyncEnumerable().Select(e => new EcgRow(e.TestTime, EpochTime.ToUtc(e.TestTime), e.TimeZoneOffsetMinutes, e.AverageHeartRateBpm,
                e.HeartRateVariabilityMs, e.HeartRateVariabilityLevel, e.RriMs, e.PulseTransitTimeSystolicMs, e.PulseTransitTimeDiastolicMs,
                e.PulseTransitTimeQualityIndex)), ct)),
        ("spo2", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.Spo2Tests.AsNoTracking()
            .Where(s => s.UserId == u && s.TestTime >= Epoch(r.From) && s.TestTime < Epoch(r.To.AddDays(1))).OrderBy(s => s.TestTime)
            .AsAsyncEnumerable().Select(s => new Spo2Row(s.TestTime, EpochTime.ToUtc(s.TestTime), s.TimeZoneOffsetMinutes, s.TestStatus,
                s.BloodOxygenPercent, s.Spo2Class, s.Spo2ValueDeviationFromBaseline, s.Spo2QualityAveragePercent, s.AverageHeartRateBpm,
                s.HeartRateVariabilityMs, s.Spo2HrvDeviationFromBaseline, s.AltitudeMeters)), ct)),
        ("physical-info", (db, u, r, csv, ct) => csv.WriteRecordsAsync(db.PhysicalInfo.AsNoTracking()
            .Where(p => p.UserId == u && p.ModifiedAt >= RangeQuery.StartOf(r.From) && p.ModifiedAt < RangeQuery.StartOf(r.To.AddDays(1)))
            .OrderBy(p => p.ModifiedAt).AsAsyncEnumerable()
            .Select(p => new PhysicalInfoRow(p.ModifiedAt, p.Weight, p.Height, p.Birthday, p.Gender, p.MaximumHeartRate, p.RestingHeartRate,
                p.AerobicThreshold, p.AnaerobicThreshold, p.Vo2Max, p.WeightSource, p.TrainingBackground, p.TypicalDay, Iso(p.SleepGoal))), ct)),
    ];

    /// <summary>Every CSV type, in the order the archive and the docs list them.</summary>
    public static readonly IReadOnlyList<string> Types = [.. Writers.Select(w => w.Type)];

    /// <summary>The whole history, for the archive.</summary>
    public static readonly DateRange Everything = new(new DateOnly(1970, 1, 1), new DateOnly(2999, 12, 30));

    /// <summary>Writes one type's CSV (a header line, then the rows in <paramref name="range"/>) to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(string type, PolarFlowDbContext db, string userId, DateRange range, Stream output, CancellationToken ct)
    {
        var write = Writers.Single(w => w.Type == type).Write;
        using var streaming = PolarFlowExecutionStrategy.Streaming(db); // rows go out as they are read, never all at once
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await using var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, false);
        await write(db, userId, range, csv, ct);
    }

    private static IQueryable<Data.Entities.Exercise> Exercises(PolarFlowDbContext db, string userId, DateRange r) =>
        db.Exercises.AsNoTracking().Where(e => e.UserId == userId && e.StartTime >= Start(r) && e.StartTime < End(r)).OrderBy(e => e.StartTime);

    private static DateTime Start(DateRange r) => r.From.ToDateTime(TimeOnly.MinValue);
    private static DateTime End(DateRange r) => r.To.AddDays(1).ToDateTime(TimeOnly.MinValue);
    private static long Epoch(DateOnly day) => RangeQuery.StartOf(day).ToUnixTimeSeconds();

    private static async IAsyncEnumerable<TRow> Flatten<T, TRow>(IQueryable<T> rows, Func<T, IEnumerable<TRow>> expand,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            foreach (var item in expand(row)) yield return item;
        }
    }

    /// <summary>The elements of a stored JSON array (jsonb text); none when it is null or not an array.</summary>
    private static IEnumerable<JsonElement> Elements(string? json)
    {
        if (json is null) return [];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array ? [.. document.RootElement.EnumerateArray().Select(e => e.Clone())] : [];
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
    private static double? Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : null;
    private static long? Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt64(out var d) ? d : null;
    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetInt32(out var d) ? d : null;
    private static string? Iso(TimeSpan? t) => t is { } v ? System.Xml.XmlConvert.ToString(v) : null;
}
