using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.Sleep;

/// <summary>
/// Sleep regularity (analytics-methods.md §3). Sleep Regularity Index (Phillips et al. 2017): every night is laid on
/// its own noon-to-noon day of 2,880 30-s epochs, asleep or awake from the hypnogram; SRI = 200 · P(same state at
/// two epochs 24 h apart) − 100, over the most recent run of consecutive nights with hypnograms (at least 7) in the
/// window. Midpoint variability: sample SD of the sleep midpoint (local clock) over the window. Social jet lag:
/// |mean midpoint of free nights − of work nights|, a free night being one that ends on a weekend day.
/// </summary>
public static class SleepRegularity
{
    public const int EpochsPerDay = 2880;
    public const int MinConsecutiveNights = 7;
    public const int MinMidpoints = 7;
    public const int MinNightsPerGroup = 2;

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        double? Sri, int SriNights, string? SriMissing,
        double? MidpointMeanMinutes, string? MidpointMeanClock, double? MidpointSdMinutes, int MidpointNights,
        double? SocialJetLagMinutes, int FreeNights, int WorkNights, IReadOnlyList<string> WeekendDays);

    public static Result Compute(IEnumerable<SleepRecord> sleeps, DateOnly asOf, int days = 14, IReadOnlyList<DayOfWeek>? weekendDays = null)
    {
        weekendDays ??= [DayOfWeek.Saturday, DayOfWeek.Sunday];
        var window = sleeps.Where(s => s.Date <= asOf && s.Date > asOf.AddDays(-days)).GroupBy(s => s.Date).Select(g => g.Last()).OrderBy(s => s.Date).ToList();

        // The most recent unbroken run of nights with hypnograms.
        var run = new List<SleepRecord>();
        foreach (var night in window.Where(s => s.AsleepLocal is not null).Reverse())
        {
            if (run.Count > 0 && night.Date != run[^1].Date.AddDays(-1)) break;
            run.Add(night);
        }
        run.Reverse();
        double? sri = run.Count >= MinConsecutiveNights ? Sri(run) : null;
        var sriMissing = sri is null ? $"the SRI needs {MinConsecutiveNights} consecutive nights with a hypnogram; the latest run has {run.Count}" : null;

        var midpoints = window.Where(s => s.Start is not null && s.End is not null).Select(s => (s.Date, Minutes: MidpointMinutes(s))).ToList();
        double? mean = null, sd = null;
        string? missing = sriMissing;
        if (midpoints.Count >= MinMidpoints)
        {
            mean = midpoints.Average(m => m.Minutes);
            sd = Stats.SampleSd(midpoints.Select(m => m.Minutes).ToArray());
        }
        else
        {
            missing = string.Join("; ", new[] { sriMissing, $"midpoint variability needs {MinMidpoints} nights with start and end; {midpoints.Count} have them" }.OfType<string>());
        }

        var free = midpoints.Where(m => weekendDays.Contains(m.Date.DayOfWeek)).Select(m => m.Minutes).ToList();
        var work = midpoints.Where(m => !weekendDays.Contains(m.Date.DayOfWeek)).Select(m => m.Minutes).ToList();
        double? jetLag = free.Count >= MinNightsPerGroup && work.Count >= MinNightsPerGroup ? Math.Abs(free.Average() - work.Average()) : null;

        return new Result(missing is null ? AnalyticStatus.Ok : AnalyticStatus.InsufficientData, missing, asOf, days, window.Count,
            sri, run.Count, sriMissing, mean, mean is { } m0 ? Clock(m0) : null, sd, midpoints.Count, jetLag, free.Count, work.Count,
            weekendDays.Select(d => d.ToString().ToLowerInvariant()).ToList());
    }

    /// <summary>Minutes from noon of the day before waking to the midpoint of the sleep, on the local clock (so 03:30 is 930).</summary>
    public static double MidpointMinutes(SleepRecord s)
    {
        var start = s.Start!.Value.DateTime; // the clock time in the sleep's own offset
        var mid = start + (s.End!.Value - s.Start.Value) / 2;
        return (mid - s.Date.AddDays(-1).ToDateTime(new TimeOnly(12, 0))).TotalMinutes;
    }

    private static double Sri(IReadOnlyList<SleepRecord> run)
    {
        var states = run.Select(Epochs).ToList();
        long same = 0, pairs = 0;
        for (var i = 0; i + 1 < states.Count; i++)
        {
            for (var e = 0; e < EpochsPerDay; e++)
            {
                if (states[i][e] == states[i + 1][e]) same++;
                pairs++;
            }
        }
        return 200.0 * same / pairs - 100;
    }

    private static bool[] Epochs(SleepRecord night)
    {
        var noon = night.Date.AddDays(-1).ToDateTime(new TimeOnly(12, 0));
        var asleep = new bool[EpochsPerDay];
        foreach (var (from, to) in night.AsleepLocal!)
        {
            // An epoch is asleep when its midpoint lies in an asleep interval.
            var first = (int)Math.Ceiling(((from - noon).TotalSeconds - 15) / 30);
            var last = (int)Math.Ceiling(((to - noon).TotalSeconds - 15) / 30) - 1;
            for (var e = Math.Max(0, first); e <= Math.Min(EpochsPerDay - 1, last); e++) asleep[e] = true;
        }
        return asleep;
    }

    private static string Clock(double minutesFromNoon)
    {
        var minutes = ((int)Math.Round(minutesFromNoon) + 12 * 60) % (24 * 60);
        return $"{minutes / 60:00}:{minutes % 60:00}";
    }
}
