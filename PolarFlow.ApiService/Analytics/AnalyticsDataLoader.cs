using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Sleep;
using PolarFlow.ApiService.Sleep;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Reads what the analytics need for one user and the data version it belongs to, in one REPEATABLE READ
/// snapshot: a sync committing meanwhile can neither mix into the rows nor change the version read with them,
/// so a result is always cached under the version of the data it was computed from. The seven reads are EF's own
/// queries sent as one batch, so a load costs one round trip (and the commit), not eight.
/// </summary>
public sealed class AnalyticsDataLoader(PolarFlowDbContext db)
{
    /// <summary>
    /// Nights and sessions are read in full (the resting-HR baseline and CTL start at the first day); the rest from
    /// this many days back.
    /// </summary>
    public const int WindowDays = 180 + 75;

    public async Task<(AthleteData Data, long Version)> LoadAsync(string userId, DateOnly asOf, int days, CancellationToken ct)
    {
        var from = asOf.AddDays(-Math.Max(days, WindowDays) - 75);
        var hypnogramsFrom = asOf.AddDays(-days - 14);
        var endOfDay = asOf.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var endOfDayUtc = new DateTimeOffset(endOfDay, TimeSpan.Zero);
        // Each query's columns are read by position, in the order of its projection.
        IQueryable[] queries =
        [
            db.Users.Where(u => u.UserId == userId).Select(u => u.DataVersion),
            db.NightlyRecharge.Where(n => n.UserId == userId && n.Date <= asOf).OrderBy(n => n.Date)
                .Select(n => new { n.Date, n.HeartRateVariabilityAvg, n.HeartRateAvg, n.BreathingRateAvg, n.AnsCharge }),
            db.Sleep.Where(s => s.UserId == userId && s.Date <= asOf && s.Date >= from).OrderBy(s => s.Date)
                .Select(s => new
                {
                    s.Date, s.SleepStartTime, s.SleepStartOffsetMinutes, s.SleepEndTime, s.SleepEndOffsetMinutes,
                    s.LightSleep, s.DeepSleep, s.RemSleep, s.UnrecognizedSleepStage, s.SleepScore, s.SleepGoal,
                    Hypnogram = s.Date >= hypnogramsFrom ? s.Hypnogram : null,
                }),
            db.Exercises.Where(e => e.UserId == userId && e.StartTime != null && e.StartTime < endOfDay)
                .Select(e => new { e.StartTime, Load = e.TrainingLoad ?? e.CardioLoad, e.Duration, e.HeartRateAverage }),
            db.CardioLoad.Where(c => c.UserId == userId && c.Date <= asOf && c.Date >= from)
                .Select(c => new { c.Date, c.Strain, c.Tolerance, c.CardioLoadRatio, c.CardioLoadStatus }),
            db.DailyActivity.Where(a => a.UserId == userId && a.Date <= asOf && a.Date >= from && a.Steps != null)
                .Select(a => new { a.Date, a.Steps }),
            db.PhysicalInfo.Where(p => p.UserId == userId && p.ModifiedAt < endOfDayUtc).OrderByDescending(p => p.ModifiedAt)
                .Select(p => new { p.MaximumHeartRate, p.RestingHeartRate, p.Gender, p.SleepGoal }).Take(1),
        ];
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(),
                (NpgsqlTransaction)transaction.GetDbTransaction());
            foreach (var query in queries) batch.BatchCommands.Add(BatchCommand(query));
            AthleteData data;
            long version;
            await using (var reader = await batch.ExecuteReaderAsync(ct))
            {
                version = (await ReadAsync(reader, r => r.GetInt64(0), ct)).Single();
                var nights = await ReadAsync(reader, r => new NightRecord(r.GetFieldValue<DateOnly>(0), Double(r, 1),
                    Double(r, 2), Double(r, 3), Double(r, 4)), ct);
                var sleeps = await ReadAsync(reader, Sleep, ct);
                var sessions = await ReadAsync(reader, r => new SessionRecord(DateOnly.FromDateTime(r.GetDateTime(0)),
                    Double(r, 1), r.IsDBNull(2) ? null : r.GetFieldValue<TimeSpan>(2), Int(r, 3)), ct);
                var polarLoad = await ReadAsync(reader, r => new PolarLoadRecord(r.GetFieldValue<DateOnly>(0), Double(r, 1),
                    Double(r, 2), Double(r, 3), r.IsDBNull(4) ? null : r.GetString(4)), ct);
                var steps = await ReadAsync(reader, r => new DailyValue(r.GetFieldValue<DateOnly>(0), r.GetInt32(1)), ct);
                var profile = (await ReadAsync(reader, r => new AthleteProfile(Int(r, 0), Int(r, 1),
                        r.IsDBNull(2) ? null : r.GetString(2),
                        r.IsDBNull(3) ? null : (int)r.GetFieldValue<TimeSpan>(3).TotalMinutes), ct))
                    .SingleOrDefault() ?? new AthleteProfile(null, null, null, null);
                data = new AthleteData(profile, nights, sleeps, sessions, polarLoad, steps);
            }
            await transaction.CommitAsync(ct);
            return (data, version);
        });
    }

    /// <summary>EF's SQL and parameters for the query, as one command of a batch.</summary>
    private static NpgsqlBatchCommand BatchCommand(IQueryable query)
    {
        using var command = query.CreateDbCommand();
        var batchCommand = new NpgsqlBatchCommand(command.CommandText);
        foreach (NpgsqlParameter parameter in command.Parameters) batchCommand.Parameters.Add(parameter.Clone());
        return batchCommand;
    }

    /// <summary>The rows of the reader's current result, then on to the next result.</summary>
    private static async Task<List<T>> ReadAsync<T>(DbDataReader reader, Func<DbDataReader, T> map, CancellationToken ct)
    {
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        await reader.NextResultAsync(ct);
        return rows;
    }

    /// <summary>A number column as a double, whether PostgreSQL keeps it as an integer or a float.</summary>
    private static double? Double(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int? Int(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static SleepRecord Sleep(DbDataReader r)
    {
        DateTimeOffset? Time(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
        var start = SleepMapping.At(Time(1), Int(r, 2));
        var end = SleepMapping.At(Time(3), Int(r, 4));
        int?[] parts = [Int(r, 5), Int(r, 6), Int(r, 7), Int(r, 8)];
        double? total = parts.Any(p => p is not null) ? parts.Sum(p => p ?? 0) / 60.0 : null;
        var hypnogram = r.IsDBNull(11) ? null : r.GetString(11);
        var asleep = hypnogram is not null && start is { } st && end is { } en
            ? Hypnogram.AsleepIntervals(st.DateTime, en.DateTime, Points(hypnogram)) : null;
        return new SleepRecord(r.GetFieldValue<DateOnly>(0), start, end, total, Int(r, 9), Int(r, 10) / 60, asleep);
    }

    private static List<(TimeOnly, int)> Points(string hypnogram)
    {
        using var doc = JsonDocument.Parse(hypnogram);
        return doc.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number
                && TimeOnly.TryParseExact(p.Name, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .Select(p => (TimeOnly.ParseExact(p.Name, "HH:mm", CultureInfo.InvariantCulture), p.Value.GetInt32()))
            .ToList();
    }
}
