using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.Insights;

/// <summary>
/// Personal drivers (analytics-methods.md §5): within-person Spearman correlations between a behaviour and the
/// outcome 0-2 nights later, over the window, each with at least <see cref="MinPairs"/> paired days; two-sided
/// p from t = ρ·√((n − 2)/(1 − ρ²)) on n − 2 degrees of freedom; Benjamini-Hochberg q over every pair tested;
/// only q ≤ <see cref="FalseDiscoveryRate"/> is reported. Lag 0 is the first night after the behaviour: the night
/// after the day's training or steps, the night itself for its sleep duration and bedtime.
/// </summary>
public static class PersonalDrivers
{
    public const int MinPairs = 30;
    public const double FalseDiscoveryRate = 0.1;
    public static readonly IReadOnlyList<int> Lags = [0, 1, 2];

    public sealed record Driver(string Behaviour, string Outcome, int Lag, int N, double Rho, double P, double Q, string Direction);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid, int Tested, IReadOnlyList<Driver> Significant);

    public static Result Compute(AthleteData data, DateOnly asOf, int days = 180)
    {
        var from = asOf.AddDays(-days + 1);
        bool InWindow(DateOnly d) => d >= from && d <= asOf;

        // Behaviours keyed by the wake date of the night that follows them (lag 0).
        var loads = data.Sessions.Where(s => s.Load is not null).GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Sum(s => s.Load!.Value));
        var firstLoad = loads.Count == 0 ? DateOnly.MaxValue : loads.Keys.Min();
        var behaviours = new (string Name, Dictionary<DateOnly, double> Series)[]
        {
            ("training_load", Enumerable.Range(0, days).Select(i => from.AddDays(i)).Where(d => d >= firstLoad)
                .ToDictionary(d => d.AddDays(1), d => loads.GetValueOrDefault(d))), // rest days are zero load
            ("steps", data.Steps.GroupBy(s => s.Date).ToDictionary(g => g.Key.AddDays(1), g => g.Last().Value)),
            ("sleep_duration", data.Sleeps.Where(s => s.TotalSleepMinutes is not null).GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Last().TotalSleepMinutes!.Value)),
            ("bedtime", data.Sleeps.Where(s => s.Start is not null).GroupBy(s => s.Date)
                .ToDictionary(g => g.Key, g => (g.Last().Start!.Value.DateTime - g.Key.AddDays(-1).ToDateTime(new TimeOnly(12, 0))).TotalMinutes)),
        };
        var outcomes = new (string Name, Dictionary<DateOnly, double> Series)[]
        {
            ("ln_rmssd", data.Nights.Where(n => n.Rmssd is > 0).GroupBy(n => n.Date).ToDictionary(g => g.Key, g => Math.Log(g.Last().Rmssd!.Value))),
            ("resting_hr", data.Nights.Where(n => n.RestingHr is not null).GroupBy(n => n.Date).ToDictionary(g => g.Key, g => g.Last().RestingHr!.Value)),
        };

        var tests = new List<(string B, string O, int Lag, int N, double Rho, double P)>();
        foreach (var (bName, b) in behaviours)
        foreach (var (oName, o) in outcomes)
        foreach (var lag in Lags)
        {
            var pairs = b.Where(kv => kv.Key >= from && o.ContainsKey(kv.Key.AddDays(lag)) && InWindow(kv.Key.AddDays(lag)))
                .Select(kv => (X: kv.Value, Y: o[kv.Key.AddDays(lag)])).ToList();
            if (pairs.Count < MinPairs) continue;
            var rho = Correlation.Spearman(pairs.Select(p => p.X), pairs.Select(p => p.Y));
            if (double.IsNaN(rho)) continue; // a constant series has no ranks to correlate
            tests.Add((bName, oName, lag, pairs.Count, rho, PValue(rho, pairs.Count)));
        }

        if (tests.Count == 0)
        {
            return new Result(AnalyticStatus.InsufficientData, $"each behaviour-outcome pair needs {MinPairs} paired days in the {days}-day window",
                asOf, days, 0, 0, []);
        }

        var q = Stats.BenjaminiHochberg(tests.Select(t => t.P).ToArray());
        var significant = tests.Select((t, i) => new Driver(t.B, t.O, t.Lag, t.N, t.Rho, t.P, q[i], t.Rho > 0 ? "higher_with_more" : "lower_with_more"))
            .Where(d => d.Q <= FalseDiscoveryRate).OrderBy(d => d.Q).ToList();
        return new Result(AnalyticStatus.Ok, null, asOf, days, tests.Max(t => t.N), tests.Count, significant);
    }

    /// <summary>Two-sided p-value of Spearman's ρ by the t approximation on n − 2 degrees of freedom.</summary>
    public static double PValue(double rho, int n)
    {
        if (Math.Abs(rho) >= 1) return 0;
        var t = rho * Math.Sqrt((n - 2) / (1 - rho * rho));
        return 2 * (1 - StudentT.CDF(0, 1, n - 2, Math.Abs(t)));
    }
}
