namespace PolarFlow.Analytics.Common;

/// <summary>
/// Everything the analytics read about one user, as daily records on the user's local calendar days. Built by
/// the API from what the sync (or an import) stored; the library never touches a database.
/// </summary>
public sealed record AthleteData(
    AthleteProfile Profile,
    IReadOnlyList<NightRecord> Nights,
    IReadOnlyList<SleepRecord> Sleeps,
    IReadOnlyList<SessionRecord> Sessions,
    IReadOnlyList<PolarLoadRecord> PolarLoad,
    IReadOnlyList<DailyValue> Steps)
{
    public static readonly AthleteData Empty = new(new AthleteProfile(null, null, null, null), [], [], [], [], []);

    /// <summary>The nightly RMSSD series the HRV methods read (a night without a positive RMSSD is a gap).</summary>
    public static IReadOnlyList<DailyValue> Rmssd(IEnumerable<NightRecord> nights) =>
        nights.Where(n => n.Rmssd is > 0).Select(n => new DailyValue(n.Date, n.Rmssd!.Value)).ToList();
}

/// <summary>What physical information says; any of it may be unknown.</summary>
public sealed record AthleteProfile(int? MaxHr, int? RestingHr, string? Sex, int? SleepGoalMinutes);

/// <summary>One Nightly Recharge: RMSSD (ms), nightly resting HR (bpm), breathing rate and Polar's ANS charge; `Date` is the wake-up date.</summary>
public sealed record NightRecord(DateOnly Date, double? Rmssd, double? RestingHr, double? BreathingRate, double? AnsCharge);

/// <summary>One sleep: local start/end (with their offsets), total sleep in minutes, score, Polar's goal and the sleep periods from the hypnogram.</summary>
public sealed record SleepRecord(DateOnly Date, DateTimeOffset? Start, DateTimeOffset? End, double? TotalSleepMinutes, int? Score, int? GoalMinutes,
    IReadOnlyList<(DateTime From, DateTime To)>? AsleepLocal);

/// <summary>One exercise on its local start day: Polar's load (`training_load`, else cardio load), duration and average HR.</summary>
public sealed record SessionRecord(DateOnly Date, double? Load, TimeSpan? Duration, int? HeartRateAvg);

/// <summary>Polar's own cardio-load day, passed through beside ours.</summary>
public sealed record PolarLoadRecord(DateOnly Date, double? Strain, double? Tolerance, double? Ratio, string? Status);
