namespace PolarFlow.AccessLink.Emulator.Synthetic;

// The emulator's own picture of an athlete's day. Polar's JSON is written from these (PolarJson), never from
// the client's models.

/// <summary>A hypnogram stage that starts <see cref="StartMinute"/> minutes after falling asleep.</summary>
public sealed record HypnogramSegment(int StartMinute, int Stage);

public sealed record SyntheticSleep(
    DateOnly Date, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<HypnogramSegment> Hypnogram,
    IReadOnlyList<(int Minute, int Bpm)> HeartRate, int Score, int SleepCharge, double Continuity, int ContinuityClass,
    int Cycles, int Rating, int GoalSeconds)
{
    public int TotalMinutes => (int)(End - Start).TotalMinutes;

    /// <summary>Polar's group scores, derived once so the API and the account export agree.</summary>
    public double GroupDurationScore => Math.Round(Math.Min(100, TotalMinutes / 4.8), 1);
    public double GroupSolidityScore => Math.Round(Continuity * 20, 1);
    public double GroupRegenerationScore => Math.Round(Math.Min(100, (StageSeconds(4) + StageSeconds(1)) / 180.0), 1);

    /// <summary>Seconds spent in the given stages, straight from the hypnogram, so the two always agree.</summary>
    public int StageSeconds(params int[] stages) =>
        Hypnogram.Select((s, i) => (s.Stage, Minutes: (i + 1 < Hypnogram.Count ? Hypnogram[i + 1].StartMinute : TotalMinutes) - s.StartMinute))
            .Where(x => stages.Contains(x.Stage)).Sum(x => x.Minutes) * 60;

    public IEnumerable<int> WakeSegmentSeconds() =>
        Hypnogram.Select((s, i) => (s.Stage, Minutes: (i + 1 < Hypnogram.Count ? Hypnogram[i + 1].StartMinute : TotalMinutes) - s.StartMinute))
            .Where(x => x.Stage == 0).Select(x => x.Minutes * 60);
}

public sealed record SyntheticRecharge(
    DateOnly Date, int HeartRateAvg, int BeatToBeatAvg, int HrvAvg, double BreathingAvg, double AnsCharge, int AnsChargeStatus,
    int RechargeStatus, IReadOnlyList<(int Minute, int Hrv)> HrvSamples, IReadOnlyList<(int Minute, double Rate)> BreathingSamples);

public sealed record RoutePoint(double Latitude, double Longitude, double SecondsFromStart, int Satellites);

public sealed record SyntheticExercise(
    string Id, DateOnly Date, string Sport, DateTime LocalStart, int UtcOffsetMinutes, TimeSpan Duration, int AverageHr, int MaximumHr,
    int Calories, double? Distance, double TrainingLoad, double CardioLoad, DateTimeOffset UploadTime, int RecordingRate,
    int[] HeartRateSamples, double[]? SpeedSamples, double[]? AltitudeSamples, IReadOnlyList<RoutePoint>? Route,
    IReadOnlyList<(int Index, int Lower, int Upper, int Seconds)> Zones);

public sealed record SyntheticActivity(
    DateOnly Date, int[] StepsPerMinute, IReadOnlyList<(int Minute, string Zone)> ZoneChanges, IReadOnlyList<int> InactivityMinutes,
    int Calories, int ActiveCalories, int ActiveMinutes)
{
    public int Steps => StepsPerMinute.Sum();
    public double DistanceFromSteps => Math.Round(Steps * 0.74, 2);
}

public sealed record SyntheticCardioLoad(DateOnly Date, double Load, double Strain, double Tolerance, double Ratio, string Status, double[] Levels);

public sealed record SyntheticAlertness(DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, double Grade, string Classification,
    string Inertia, DateTimeOffset SleepStart, DateTimeOffset SleepEnd, int OffsetMinutes, IReadOnlyList<(DateTimeOffset Start, string Level)> Hours);

public sealed record SyntheticBedtime(DateTimeOffset PreferredStart, DateTimeOffset PreferredEnd, string Quality, int OffsetMinutes);

public sealed record SyntheticBiosensing(
    DateOnly Date, double SkinTemperature, double SkinTemperatureDeviation, DateTimeOffset NightStart, double[] BodyTemperatures,
    long? EcgTestTime, int EcgHr, double EcgHrv, long? Spo2TestTime, int Spo2Percent);

public sealed record SyntheticDay(
    DateOnly Date, bool Ill, SyntheticSleep Sleep, SyntheticRecharge Recharge, SyntheticActivity Activity,
    IReadOnlyList<SyntheticExercise> Exercises, IReadOnlyList<(int Second, int Bpm)> ContinuousHeartRate,
    SyntheticCardioLoad CardioLoad, SyntheticAlertness? Alertness, SyntheticBedtime Bedtime, SyntheticBiosensing Biosensing);

public sealed record PhysicalSnapshot(DateTimeOffset Created, DateTimeOffset Modified, double Weight, double Height, DateOnly Birthday,
    string Gender, int MaxHr, int RestingHr, int AerobicThreshold, int AnaerobicThreshold, int Vo2Max, TimeSpan SleepGoal);
