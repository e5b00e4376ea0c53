using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.Anomalies;

/// <summary>
/// Robust anomalies for every daily metric (Iglewicz and Hoaglin; analytics-methods.md §5): z = 0.6745 · (x − median60)
/// / MAD60 against the 60 days before the day (at least <see cref="MinReferenceDays"/> values), flagged when |z| &gt; 3.5.
/// A reference with MAD 0 has no scale, so its days are not judged.
/// </summary>
public static class RobustAnomalies
{
    public const double Threshold = 3.5;
    public const int MinReferenceDays = 14;

    public sealed record Anomaly(string Metric, DateOnly Date, double Value, double Median, double Mad, double Z, string Direction);

    public sealed record MetricSummary(string Metric, int DaysJudged, int DaysWithoutScale, int Anomalies);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        IReadOnlyList<Anomaly> Anomalies, IReadOnlyList<MetricSummary> Metrics);

    /// <summary>The daily metrics judged: nightly RMSSD, resting HR, breathing rate, total sleep, sleep score and steps.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<DailyValue> Series)> Metrics(AthleteData data) =>
    [
        ("rmssd", data.Nights.Where(n => n.Rmssd is not null).Select(n => new DailyValue(n.Date, n.Rmssd!.Value)).ToList()),
        ("resting_hr", data.Nights.Where(n => n.RestingHr is not null).Select(n => new DailyValue(n.Date, n.RestingHr!.Value)).ToList()),
        ("breathing_rate", data.Nights.Where(n => n.BreathingRate is not null).Select(n => new DailyValue(n.Date, n.BreathingRate!.Value)).ToList()),
        ("total_sleep_minutes", data.Sleeps.Where(s => s.TotalSleepMinutes is not null).Select(s => new DailyValue(s.Date, s.TotalSleepMinutes!.Value)).ToList()),
        ("sleep_score", data.Sleeps.Where(s => s.Score is not null).Select(s => new DailyValue(s.Date, s.Score!.Value)).ToList()),
        ("steps", data.Steps),
    ];

    public static Result Compute(AthleteData data, DateOnly asOf, int days = 30)
    {
        var from = asOf.AddDays(-days + 1);
        var firstReference = from.AddDays(-60); // no day before it is judged or in a judged day's reference
        var anomalies = new List<Anomaly>();
        var summaries = new List<MetricSummary>();
        foreach (var (name, series) in Metrics(data))
        {
            var byDate = series.Where(v => v.Date <= asOf && v.Date >= firstReference).GroupBy(v => v.Date)
                .ToDictionary(g => g.Key, g => g.Last().Value);
            int judged = 0, unscaled = 0, found = 0;
            foreach (var (date, value) in byDate.Where(kv => kv.Key >= from).OrderBy(kv => kv.Key))
            {
                var reference = byDate.Where(kv => kv.Key < date && kv.Key >= date.AddDays(-60)).Select(kv => kv.Value).ToArray();
                if (reference.Length < MinReferenceDays) continue;
                if (Stats.RobustZ(value, reference) is not { } z) { unscaled++; continue; }
                judged++;
                if (Math.Abs(z) <= Threshold) continue;
                found++;
                anomalies.Add(new Anomaly(name, date, value, Stats.Median(reference), Stats.Mad(reference), z, z > 0 ? "high" : "low"));
            }
            summaries.Add(new MetricSummary(name, judged, unscaled, found));
        }

        var anyJudged = summaries.Any(s => s.DaysJudged > 0);
        return new Result(anyJudged ? AnalyticStatus.Ok : AnalyticStatus.InsufficientData,
            anyJudged ? null : $"no metric has {MinReferenceDays} days of reference with spread in the 60 days before the window",
            asOf, days, summaries.Sum(s => s.DaysJudged), anomalies.OrderBy(a => a.Date).ThenBy(a => a.Metric).ToList(), summaries);
    }
}
