using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.Hrv;

/// <summary>
/// HRV baseline and normal range (analytics-methods.md §1): x = ln(RMSSD); B7 = mean of x over the last 7 days,
/// valid with at least 3 values (Plews et al. 2012); normal range = mean60 ± m·SD60 of x over the 60 days before
/// (m = 0.5, the smallest worthwhile change, or 1.0); status of B7 against the range; `acute_low` when today's x
/// is below it; CV7 = SD7/mean7·100; trend = least-squares slope of B7 over the last 14 days (per day); rolling
/// medians of raw RMSSD over 7, 30 and 60 days with their MAD.
/// </summary>
public static class HrvBaseline
{
    public const int MinValuesIn7 = 3;
    /// <summary>The normal range needs this many values in its 60 days (two weeks' worth); fewer is insufficient.</summary>
    public const int MinValuesIn60 = 14;

    public sealed record RollingMedian(int Days, int Count, double? Median, double? Mad);

    public sealed record Result(
        AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        double? LnRmssdToday, double? Baseline7, double? RangeLow, double? RangeHigh, string? BaselineStatus, bool AcuteLow,
        double? Cv7, double? Trend14, IReadOnlyList<RollingMedian> Medians);

    public static Result Compute(IEnumerable<DailyValue> rmssd, DateOnly asOf, double swcMultiplier = 0.5)
    {
        if (swcMultiplier is not (0.5 or 1.0)) throw new ArgumentOutOfRangeException(nameof(swcMultiplier), "The SWC multiplier is 0.5 or 1.0.");
        // Every valid day counts; only the last 61 are read (the 60-day range before today, and today).
        var valid = new HashSet<DateOnly>();
        var raws = new Dictionary<DateOnly, double>();
        foreach (var v in rmssd)
        {
            if (v.Value <= 0 || v.Date > asOf) continue;
            valid.Add(v.Date);
            if (v.Date >= asOf.AddDays(-60)) raws[v.Date] = v.Value; // a repeated day: the last one, as listed
        }
        var series = raws.ToDictionary(kv => kv.Key, kv => Math.Log(kv.Value));
        double[] Window(DateOnly from, DateOnly to) => series.Where(kv => kv.Key >= from && kv.Key <= to).OrderBy(kv => kv.Key).Select(kv => kv.Value).ToArray();

        var medians = new[] { 7, 30, 60 }.Select(days =>
        {
            var raw = raws.Where(kv => kv.Key >= asOf.AddDays(-days + 1)).Select(kv => kv.Value).ToArray();
            return new RollingMedian(days, raw.Length, raw.Length == 0 ? null : Stats.Median(raw), raw.Length == 0 ? null : Stats.Mad(raw));
        }).ToList();

        var last7 = Window(asOf.AddDays(-6), asOf);
        var previous60 = Window(asOf.AddDays(-60), asOf.AddDays(-1));
        var today = series.TryGetValue(asOf, out var t) ? t : (double?)null;
        var used = series.Count;
        if (last7.Length < MinValuesIn7)
        {
            return Insufficient($"{MinValuesIn7} of the last 7 days need a nightly HRV; {last7.Length} have one",
                asOf, used, valid.Count, today, medians);
        }

        var baseline = Stats.Mean(last7);
        var cv7 = Stats.SampleSd(last7) is { } sd7 ? sd7 / baseline * 100 : (double?)null;
        var trendPoints = Enumerable.Range(0, 14).Select(i => asOf.AddDays(-13 + i))
            .Select(day => (Day: day, Values: Window(day.AddDays(-6), day)))
            .Where(x => x.Values.Length >= MinValuesIn7)
            .Select(x => ((double)x.Day.DayNumber, Stats.Mean(x.Values))).ToList();
        var trend = Stats.Slope(trendPoints);

        if (previous60.Length < MinValuesIn60)
        {
            return new Result(AnalyticStatus.InsufficientData, $"the normal range needs {MinValuesIn60} nights in the 60 before; {previous60.Length} have one",
                asOf, used, valid.Count, today, baseline, null, null, null, false, cv7, trend, medians);
        }

        var mean60 = Stats.Mean(previous60);
        var half = swcMultiplier * (Stats.SampleSd(previous60) ?? 0);
        var (low, high) = (mean60 - half, mean60 + half);
        // A tolerance for rounding: equal nights must compare as equal, not one ulp below.
        const double epsilon = 1e-9;
        var status = baseline < low - epsilon ? "below" : baseline > high + epsilon ? "above" : "within";
        return new Result(AnalyticStatus.Ok, null, asOf, used, valid.Count, today, baseline, low, high, status,
            today < low - epsilon, cv7, trend, medians);
    }

    private static Result Insufficient(string missing, DateOnly asOf, int used, int valid, double? today, IReadOnlyList<RollingMedian> medians) =>
        new(AnalyticStatus.InsufficientData, missing, asOf, used, valid, today, null, null, null, null, false, null, null, medians);
}
