using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.ApiService.Analytics;
using PolarFlow.ApiService.Common;
using PolarFlow.ApiService.Exercises;
using PolarFlow.ApiService.Sleep;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Mcp;

/// <summary>
/// The stored data as MCP tools: a night, the exercises, one metric over a range, two periods compared, and what data
/// there is. Nights and exercises are the REST answers' own records; metrics are the daily series the analytics use.
/// </summary>
[McpServerToolType]
public sealed class DataTools(PolarFlowDbContext db, AnalyticsDataLoader loader, McpCaller caller, TimeProvider time)
{
    private const string UserIdHelp = McpCaller.UserIdHelp;
    private const string MetricHelp = "rmssd, resting_hr, breathing_rate, total_sleep_minutes, sleep_score or steps.";

    /// <summary>The metrics <see cref="MetricSeries"/> knows, with their units.</summary>
    public static readonly IReadOnlyDictionary<string, string> Units = new Dictionary<string, string>
    {
        ["rmssd"] = "ms", ["resting_hr"] = "bpm", ["breathing_rate"] = "breaths/min", ["total_sleep_minutes"] = "min",
        ["sleep_score"] = "score 1-100", ["steps"] = "steps",
    };

    [McpServerTool(Name = "sleep_night", Title = "One night of sleep", ReadOnly = true, OpenWorld = false)]
    [Description("One night (by the date the user woke up): times, light, deep and REM sleep in seconds, interruptions, "
        + "Polar's sleep score and charge, the hypnogram and heart-rate samples.")]
    public async Task<string> SleepNight([Description("The wake-up date, YYYY-MM-DD.")] string date,
        [Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var day = McpCaller.Date(date, "date") ?? throw new McpException("date is required (YYYY-MM-DD).");
        var night = await db.Sleep.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == user && s.Date == day, ct)
            ?? throw new McpException(
                $"There is no night of sleep for {day:yyyy-MM-dd}; data_coverage shows which nights there are.");
        var detail = night.ToDetailDto();
        var n = detail.Night;
        var asleep = (n.LightSleep ?? 0) + (n.DeepSleep ?? 0) + (n.RemSleep ?? 0);
        var score = n.SleepScore?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
        var say = $"The night to {day:yyyy-MM-dd}: {asleep / 3600} h {asleep % 3600 / 60} min asleep "
            + $"({n.DeepSleep / 60} min deep, {n.RemSleep / 60} min REM), "
            + $"from {n.SleepStartTime:HH:mm} to {n.SleepEndTime:HH:mm} local; sleep score {score}.";
        return caller.Answer(say, detail);
    }

    [McpServerTool(Name = "list_exercises", Title = "Exercises", ReadOnly = true, OpenWorld = false)]
    [Description("Training sessions by local start date, optionally of one sport: start, duration, sport, distance (m), "
        + "calories, average and maximum heart rate, training load.")]
    public async Task<string> ListExercises(
        [Description("First day, YYYY-MM-DD; default 30 days before to.")] string? from = null,
        [Description("Last day, YYYY-MM-DD; default today.")] string? to = null,
        [Description("Only this sport (Polar's name, e.g. RUNNING, CYCLING; case does not matter).")] string? sport = null,
        [Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var (first, last) = Range(from, to, 30);
        var start = first.ToDateTime(TimeOnly.MinValue);
        var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var query = db.Exercises.AsNoTracking().Where(e => e.UserId == user && e.StartTime >= start && e.StartTime < end);
        if (sport is { Length: > 0 })
        {
            query = query.Where(e => e.Sport != null && e.Sport.ToUpper() == sport.ToUpperInvariant());
        }
        var items = (await query.OrderBy(e => e.StartTime).ToListAsync(ct)).Select(ExercisesApi.ToDto).ToList();
        var km = items.Sum(e => e.Distance ?? 0) / 1000;
        var hours = items.Sum(e => e.Duration?.TotalHours ?? 0);
        var say = $"{items.Count} session{(items.Count == 1 ? "" : "s")} from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}"
            + (sport is { Length: > 0 } ? $" of {sport.ToUpperInvariant()}" : "")
            + string.Create(CultureInfo.InvariantCulture, $": {hours:F1} h, {km:F1} km in all.");
        return caller.Answer(say, new { from = first, to = last, count = items.Count, items });
    }

    [McpServerTool(Name = "get_exercise", Title = "One exercise with its zones", ReadOnly = true, OpenWorld = false)]
    [Description("One session by its id (from list_exercises): the summary, time in each heart-rate zone and Polar's "
        + "Training Load Pro.")]
    public async Task<string> GetExercise([Description("The exercise id.")] string id,
        [Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var detail = await ExercisesApi.DetailAsync(db, user, id, ct)
            ?? throw new McpException($"There is no exercise '{id}'; list_exercises gives the ids.");
        var x = detail.Exercise;
        var heartRate = x.HeartRateAverage?.ToString(CultureInfo.InvariantCulture) ?? "n/a";
        var load = x.TrainingLoad?.ToString("F0", CultureInfo.InvariantCulture) ?? "n/a";
        var say = string.Create(CultureInfo.InvariantCulture,
            $"{x.Sport} on {x.StartTime:yyyy-MM-dd HH:mm} local: {x.Duration:h\\:mm\\:ss}, "
            + $"{(x.Distance ?? 0) / 1000:F2} km, "
            + $"average heart rate {heartRate} bpm, training load {load}.");
        return caller.Answer(say, detail);
    }

    [McpServerTool(Name = "metric_series", Title = "One metric over a date range", ReadOnly = true, OpenWorld = false)]
    [Description("A daily metric over a range (at most 3650 days) as daily values or weekly (Monday-Sunday) or monthly "
        + "means, each with how many days it is the mean of. Metrics: rmssd (ms), resting_hr (bpm), breathing_rate, "
        + "total_sleep_minutes, sleep_score, steps.")]
    public async Task<string> MetricSeries([Description(MetricHelp)] string metric,
        [Description("First day, YYYY-MM-DD; default 90 days before to.")] string? from = null,
        [Description("Last day, YYYY-MM-DD; default today.")] string? to = null,
        [Description("daily (default), weekly or monthly.")] string? aggregation = null,
        [Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var (first, last) = Range(from, to, 90);
        aggregation ??= "daily";
        var buckets = Aggregate(await SeriesAsync(user, metric, first, last, ct), aggregation);
        var values = buckets.Select(b => b.Mean).ToList();
        var say = values.Count == 0 ? $"No {metric} between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}."
            : string.Create(CultureInfo.InvariantCulture, $"{metric} from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, "
                + $"{aggregation}: "
                + $"mean {values.Average():F1} {Units[metric]}, lowest {values.Min():F1}, highest {values.Max():F1}, "
                + $"over {buckets.Sum(b => b.Days)} days.");
        var answer = new { metric, unit = Units[metric], from = first, to = last, aggregation, values = buckets };
        return caller.Answer(say, answer);
    }

    [McpServerTool(Name = "compare_periods", Title = "Two periods compared", ReadOnly = true, OpenWorld = false)]
    [Description("A metric's mean, median, lowest and highest in two date ranges, and the difference (second minus first), "
        + "e.g. this month against last month. Metrics as in metric_series.")]
    public async Task<string> ComparePeriods([Description(MetricHelp)] string metric,
        [Description("First period's first day, YYYY-MM-DD.")] string first_from,
        [Description("First period's last day.")] string first_to,
        [Description("Second period's first day.")] string second_from,
        [Description("Second period's last day.")] string second_to,
        [Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var a = await PeriodAsync(user, metric, first_from, first_to, ct);
        var b = await PeriodAsync(user, metric, second_from, second_to, ct);
        var difference = a.Mean is { } x && b.Mean is { } y ? Math.Round(y - x, 2) : (double?)null;
        var unit = Units[metric];
        var say = difference is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"{metric}: mean {b.Mean:F1} {unit} ({b.Days} days) "
                + $"against {a.Mean:F1} ({a.Days} days), {(d >= 0 ? "+" : "")}{d:F1} {unit}.")
            : $"{metric}: one of the periods has no data.";
        return caller.Answer(say, new { metric, unit, first = a, second = b, difference });
    }

    [McpServerTool(Name = "data_coverage", Title = "What data there is", ReadOnly = true, OpenWorld = false)]
    [Description("For each kind of data: the first and last day held, how many days, and the longest gaps between "
        + "(for sleep, nightly recharge and daily activity). Use it to know what a question can be answered from.")]
    public async Task<string> DataCoverage([Description(UserIdHelp)] string? user_id = null, CancellationToken ct = default)
    {
        var user = await caller.UserAsync(user_id, ct);
        var kinds = new List<object>();
        var lines = new List<string>();
        foreach (var (kind, dates) in new (string, IQueryable<DateOnly>)[]
        {
            ("sleep", db.Sleep.Where(s => s.UserId == user).Select(s => s.Date)),
            ("nightly_recharge", db.NightlyRecharge.Where(s => s.UserId == user).Select(s => s.Date)),
            ("daily_activity", db.DailyActivity.Where(s => s.UserId == user).Select(s => s.Date)),
            ("cardio_load", db.CardioLoad.Where(s => s.UserId == user).Select(s => s.Date)),
            ("continuous_heart_rate", db.ContinuousHeartRate.Where(s => s.UserId == user).Select(s => s.Date)),
        })
        {
            var days = await dates.Distinct().OrderBy(d => d).ToListAsync(ct);
            var gaps = days.Zip(days.Skip(1))
                .Select(p => new { from = p.First.AddDays(1), to = p.Second.AddDays(-1),
                    days = p.Second.DayNumber - p.First.DayNumber - 1 })
                .Where(g => g.days > 0).OrderByDescending(g => g.days).Take(5).ToList();
            DateOnly? first = days.Count > 0 ? days[0] : null;
            DateOnly? last = days.Count > 0 ? days[^1] : null;
            kinds.Add(new { kind, first, last, days = days.Count, longestGaps = gaps });
            if (days.Count > 0) lines.Add($"{kind} {first:yyyy-MM-dd} to {last:yyyy-MM-dd} ({days.Count} days)");
        }
        var exercises = await db.Exercises.Where(e => e.UserId == user && e.StartTime != null).GroupBy(_ => 1)
            .Select(g => new { count = g.Count(), first = g.Min(e => e.StartTime), last = g.Max(e => e.StartTime) })
            .SingleOrDefaultAsync(ct);
        var sessions = exercises?.count ?? 0;
        kinds.Add(new { kind = "exercises", first = exercises?.first, last = exercises?.last, sessions });
        lines.Add($"{sessions} exercises");
        var say = lines.Count == 1 ? "No daily data is held yet." : string.Join("; ", lines) + ".";
        return caller.Answer(say, new { userId = user, kinds });
    }

    private sealed record Bucket(DateOnly From, DateOnly To, double Mean, int Days);

    private sealed record Period(DateOnly From, DateOnly To, int Days, double? Mean, double? Median, double? Lowest,
        double? Highest);

    private async Task<Period> PeriodAsync(string user, string metric, string? from, string? to, CancellationToken ct)
    {
        if (McpCaller.Date(from, "period from") is not { } first || McpCaller.Date(to, "period to") is not { } last)
        {
            throw new McpException("Both periods need a from and a to date.");
        }
        if (first > last)
        {
            throw new McpException($"A period's from ({first:yyyy-MM-dd}) is after its to ({last:yyyy-MM-dd}).");
        }
        CheckSpan(first, last);
        var values = (await SeriesAsync(user, metric, first, last, ct)).Select(v => v.Value).Order().ToList();
        if (values.Count == 0) return new Period(first, last, 0, null, null, null, null);
        var middle = values.Count / 2;
        var median = values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
        return new Period(first, last, values.Count, Math.Round(values.Average(), 2), median, values[0], values[^1]);
    }

    /// <summary>The metric's daily values in the range, from the series the analytics read (a day's last value).</summary>
    private async Task<List<DailyValue>> SeriesAsync(string user, string metric, DateOnly first, DateOnly last,
        CancellationToken ct)
    {
        if (!Units.ContainsKey(metric))
        {
            throw new McpException($"metric is one of {string.Join(", ", Units.Keys)}, not '{metric}'.");
        }
        var (data, _) = await loader.LoadAsync(user, last, last.DayNumber - first.DayNumber + 1, ct);
        return RobustAnomalies.Metrics(data).Single(m => m.Name == metric).Series
            .Where(v => v.Date >= first && v.Date <= last)
            .GroupBy(v => v.Date).Select(g => g.Last()).OrderBy(v => v.Date).ToList();
    }

    private static List<Bucket> Aggregate(List<DailyValue> series, string aggregation)
    {
        Func<DateOnly, DateOnly> start = aggregation switch
        {
            "daily" => d => d,
            "weekly" => d => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)),
            "monthly" => d => new DateOnly(d.Year, d.Month, 1),
            _ => throw new McpException($"aggregation is daily, weekly or monthly, not '{aggregation}'."),
        };
        Func<DateOnly, DateOnly> end = aggregation switch
        {
            "daily" => d => d,
            "weekly" => d => d.AddDays(6),
            _ => d => d.AddMonths(1).AddDays(-1),
        };
        return series.GroupBy(v => start(v.Date))
            .Select(g => new Bucket(g.Key, end(g.Key), Math.Round(g.Average(v => v.Value), 2), g.Count())).ToList();
    }

    private (DateOnly From, DateOnly To) Range(string? from, string? to, int defaultDays)
    {
        var last = McpCaller.Date(to, "to") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var first = McpCaller.Date(from, "from") ?? last.AddDays(-defaultDays + 1);
        if (first > last) throw new McpException($"from ({first:yyyy-MM-dd}) is after to ({last:yyyy-MM-dd}).");
        CheckSpan(first, last);
        return (first, last);
    }

    private static void CheckSpan(DateOnly first, DateOnly last)
    {
        if (last.DayNumber - first.DayNumber + 1 > DateRange.MaxDays)
        {
            throw new McpException($"A range may span at most {DateRange.MaxDays} days.");
        }
    }
}
