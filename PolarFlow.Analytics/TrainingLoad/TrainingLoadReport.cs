using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.TrainingLoad;

/// <summary>
/// The training-load analytic: <see cref="LoadModel"/> over the daily sums of Polar's session loads since the first
/// day with data, the day's Banister TRIMP from our own data when HRmax and HRrest are known, and Polar's own
/// strain / tolerance / ratio / status beside ours.
/// </summary>
public static class TrainingLoadReport
{
    public sealed record Day(DateOnly Date, double Load, double? Trimp, double Ctl, double Atl, double? Tsb, double? AcwrEwma, double? AcwrRolling,
        string? AcwrZone, double? Monotony, double? Strain, PolarLoadRecord? Polar);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        IReadOnlyList<Day> Days, Day? Today, string? TrimpMissing, string InjuryRiskHeuristic);

    public static Result Compute(AthleteData data, DateOnly asOf, int days = 42)
    {
        var from = asOf.AddDays(-days + 1);
        var loads = data.Sessions.Where(s => s.Load is not null).Select(s => new DailyValue(s.Date, s.Load!.Value));
        var model = LoadModel.Compute(loads, asOf, shownFrom: from);
        var profile = data.Profile;
        var trimpMissing = profile.MaxHr is null || profile.RestingHr is null ? "TRIMP needs max HR and resting HR in physical information" : null;
        var trimp = trimpMissing is null
            ? data.Sessions.Where(s => s.Date >= from).GroupBy(s => s.Date).ToDictionary(g => g.Key,
                g => g.Sum(s => Trimp.Banister(s.Duration, s.HeartRateAvg, profile.RestingHr, profile.MaxHr, profile.Sex) ?? 0))
            : [];
        var polar = data.PolarLoad.Where(p => p.Date >= from).GroupBy(p => p.Date).ToDictionary(g => g.Key, g => g.Last());

        var list = model.Days.Where(d => d.Date >= from).Select(d => new Day(d.Date, d.Load,
            trimpMissing is null ? trimp.GetValueOrDefault(d.Date) : null, d.Ctl, d.Atl, d.Tsb, d.AcwrEwma, d.AcwrRolling, d.AcwrZone, d.Monotony, d.Strain,
            polar.GetValueOrDefault(d.Date))).ToList();
        var valid = data.Sessions.Select(s => s.Date).Where(d => d <= asOf).Distinct().Count();
        return new Result(model.Status, model.Missing, asOf, model.DaysUsed, valid, list, list.LastOrDefault(d => d.Date == asOf), trimpMissing, model.InjuryRiskHeuristic);
    }
}
