using System.Data;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Sleep;
using PolarFlow.ApiService.Sleep;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Reads what the analytics need for one user and the data version it belongs to, in one REPEATABLE READ
/// snapshot: a sync committing meanwhile can neither mix into the rows nor change the version read with them,
/// so a result is always cached under the version of the data it was computed from.
/// </summary>
public sealed class AnalyticsDataLoader(PolarFlowDbContext db)
{
    /// <summary>Nights, sessions and Polar's loads are read in full (the resting-HR baseline and CTL start at the first day); the rest from here back.</summary>
    public const int WindowDays = 180 + 75;

    public async Task<(AthleteData Data, long Version)> LoadAsync(string userId, DateOnly asOf, int days, CancellationToken ct)
    {
        var from = asOf.AddDays(-Math.Max(days, WindowDays) - 75);
        var hypnogramsFrom = asOf.AddDays(-days - 14);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var version = await db.Users.Where(u => u.UserId == userId).Select(u => u.DataVersion).SingleAsync(ct);
            var nights = await db.NightlyRecharge.AsNoTracking().Where(n => n.UserId == userId && n.Date <= asOf).OrderBy(n => n.Date)
                .Select(n => new NightRecord(n.Date, n.HeartRateVariabilityAvg, n.HeartRateAvg, n.BreathingRateAvg, n.AnsCharge)).ToListAsync(ct);
            var sleeps = await db.Sleep.AsNoTracking().Where(s => s.UserId == userId && s.Date <= asOf && s.Date >= from).OrderBy(s => s.Date)
                .Select(s => new
                {
                    s.Date, s.SleepStartTime, s.SleepStartOffsetMinutes, s.SleepEndTime, s.SleepEndOffsetMinutes, s.LightSleep, s.DeepSleep, s.RemSleep,
                    s.UnrecognizedSleepStage, s.SleepScore, s.SleepGoal, Hypnogram = s.Date >= hypnogramsFrom ? s.Hypnogram : null,
                }).ToListAsync(ct);
            var sessions = await db.Exercises.AsNoTracking().Where(e => e.UserId == userId && e.StartTime != null && e.StartTime < asOf.AddDays(1).ToDateTime(TimeOnly.MinValue))
                .Select(e => new { e.StartTime, Load = e.TrainingLoad ?? e.CardioLoad, e.Duration, e.HeartRateAverage }).ToListAsync(ct);
            var polarLoad = await db.CardioLoad.AsNoTracking().Where(c => c.UserId == userId && c.Date <= asOf && c.Date >= from)
                .Select(c => new PolarLoadRecord(c.Date, c.Strain, c.Tolerance, c.CardioLoadRatio, c.CardioLoadStatus)).ToListAsync(ct);
            var steps = await db.DailyActivity.AsNoTracking().Where(a => a.UserId == userId && a.Date <= asOf && a.Date >= from && a.Steps != null)
                .Select(a => new DailyValue(a.Date, a.Steps!.Value)).ToListAsync(ct);
            var endOfDay = new DateTimeOffset(asOf.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var physical = await db.PhysicalInfo.AsNoTracking().Where(p => p.UserId == userId && p.ModifiedAt < endOfDay).OrderByDescending(p => p.ModifiedAt)
                .Select(p => new { p.MaximumHeartRate, p.RestingHeartRate, p.Gender, p.SleepGoal }).FirstOrDefaultAsync(ct);
            await transaction.CommitAsync(ct);

            var profile = new AthleteProfile(physical?.MaximumHeartRate, physical?.RestingHeartRate, physical?.Gender,
                physical?.SleepGoal is { } goal ? (int)goal.TotalMinutes : null);
            var sleepRecords = sleeps.Select(s =>
            {
                var start = SleepMapping.At(s.SleepStartTime, s.SleepStartOffsetMinutes);
                var end = SleepMapping.At(s.SleepEndTime, s.SleepEndOffsetMinutes);
                int?[] parts = [s.LightSleep, s.DeepSleep, s.RemSleep, s.UnrecognizedSleepStage];
                double? total = parts.Any(p => p is not null) ? parts.Sum(p => p ?? 0) / 60.0 : null;
                var asleep = s.Hypnogram is not null && start is { } st && end is { } en ? Hypnogram.AsleepIntervals(st.DateTime, en.DateTime, Points(s.Hypnogram)) : null;
                return new SleepRecord(s.Date, start, end, total, s.SleepScore, s.SleepGoal / 60, asleep);
            }).ToList();
            var sessionRecords = sessions.Select(e => new SessionRecord(DateOnly.FromDateTime(e.StartTime!.Value), e.Load, e.Duration, e.HeartRateAverage)).ToList();
            return (new AthleteData(profile, nights, sleepRecords, sessionRecords, polarLoad, steps), version);
        });
    }

    private static List<(TimeOnly, int)> Points(string hypnogram)
    {
        using var doc = JsonDocument.Parse(hypnogram);
        return doc.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number && TimeOnly.TryParseExact(p.Name, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(p => (TimeOnly.ParseExact(p.Name, "HH:mm", CultureInfo.InvariantCulture), p.Value.GetInt32())).ToList();
    }
}
