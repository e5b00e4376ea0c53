using System.Text.Json;
using PolarFlow.AccessLink.Models;
using E = PolarFlow.Data.Entities;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>Polar's records (client models) to rows: typed columns for queries, Polar's JSON verbatim in Raw.</summary>
public static class PolarMapping
{
    private static string? Part(JsonElement raw, string key) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty(key, out var value) ? value.GetRawText() : null;

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    public static E.SleepNight Sleep(string userId, SleepNight s) => new()
    {
        UserId = userId, Date = s.Date, Raw = s.Raw.GetRawText(),
        SleepStartTime = s.SleepStartTime, SleepEndTime = s.SleepEndTime,
        SleepStartOffsetMinutes = (int?)s.SleepStartTime?.Offset.TotalMinutes, SleepEndOffsetMinutes = (int?)s.SleepEndTime?.Offset.TotalMinutes,
        DeviceId = s.DeviceId, Continuity = s.Continuity, ContinuityClass = s.ContinuityClass, LightSleep = s.LightSleep, DeepSleep = s.DeepSleep,
        RemSleep = s.RemSleep, UnrecognizedSleepStage = s.UnrecognizedSleepStage, SleepScore = s.SleepScore,
        TotalInterruptionDuration = s.TotalInterruptionDuration, SleepCharge = s.SleepCharge, SleepGoal = s.SleepGoal, SleepRating = s.SleepRating,
        ShortInterruptionDuration = s.ShortInterruptionDuration, LongInterruptionDuration = s.LongInterruptionDuration, SleepCycles = s.SleepCycles,
        GroupDurationScore = s.GroupDurationScore, GroupSolidityScore = s.GroupSolidityScore, GroupRegenerationScore = s.GroupRegenerationScore,
        Hypnogram = Part(s.Raw, "hypnogram"), HeartRateSamples = Part(s.Raw, "heart_rate_samples"),
    };

    public static E.NightlyRecharge Recharge(string userId, NightlyRecharge r) => new()
    {
        UserId = userId, Date = r.Date, Raw = r.Raw.GetRawText(), HeartRateAvg = r.HeartRateAvg, BeatToBeatAvg = r.BeatToBeatAvg,
        HeartRateVariabilityAvg = r.HeartRateVariabilityAvg, BreathingRateAvg = r.BreathingRateAvg, NightlyRechargeStatus = r.NightlyRechargeStatus,
        AnsCharge = r.AnsCharge, AnsChargeStatus = r.AnsChargeStatus, HrvSamples = Part(r.Raw, "hrv_samples"), BreathingSamples = Part(r.Raw, "breathing_samples"),
    };

    /// <summary>Polar's day summary has no date of its own: it is the samples' date, else the start time's.</summary>
    public static DateOnly? ActivityDate(DailyActivitySummary a) =>
        a.Samples?.Date ?? (a.StartTime is { } start ? DateOnly.FromDateTime(start) : null);

    public static E.DailyActivity Activity(string userId, DateOnly date, DailyActivitySummary a) => new()
    {
        UserId = userId, Date = date, Raw = a.Raw.GetRawText(), StartTime = a.StartTime, EndTime = a.EndTime, ActiveDuration = a.ActiveDuration,
        InactiveDuration = a.InactiveDuration, DailyActivityPercent = a.DailyActivity, Calories = a.Calories, ActiveCalories = a.ActiveCalories,
        Steps = a.Steps, InactivityAlertCount = a.InactivityAlertCount, DistanceFromSteps = a.DistanceFromSteps,
    };

    public static E.ActivitySamples ActivitySamples(string userId, DateOnly date, JsonElement raw, ActivitySamples s) => new()
    {
        UserId = userId, Date = date, Raw = raw.GetRawText(), StepIntervalMs = s.Steps?.IntervalMs, TotalSteps = s.Steps?.TotalSteps,
        StepSamples = raw.TryGetProperty("steps", out var steps) ? Part(steps, "samples") : null,
        ActivityZones = raw.TryGetProperty("activity_zones", out var zones) ? Part(zones, "samples") : null,
        InactivityStamps = Part(raw, "inactivity_stamps"),
    };

    public static E.Exercise Exercise(string userId, Exercise e) => new()
    {
        UserId = userId, ExerciseId = e.Id, Raw = e.Raw.GetRawText(), UploadTime = e.UploadTime, Device = e.Device, DeviceId = e.DeviceId,
        StartTime = e.StartTime, StartTimeUtcOffsetMinutes = e.StartTimeUtcOffset, Duration = e.Duration, Calories = e.Calories, Distance = e.Distance,
        HeartRateAverage = e.HeartRate?.Average, HeartRateMaximum = e.HeartRate?.Maximum, TrainingLoad = e.TrainingLoad, Sport = e.Sport,
        HasRoute = e.HasRoute, DetailedSportInfo = e.DetailedSportInfo, RunningIndex = e.RunningIndex, FatPercentage = e.FatPercentage,
        CarbohydratePercentage = e.CarbohydratePercentage, ProteinPercentage = e.ProteinPercentage, ClubId = e.ClubId, ClubName = e.ClubName,
        CardioLoad = e.TrainingLoadPro?.CardioLoad, MuscleLoad = e.TrainingLoadPro?.MuscleLoad, PerceivedLoad = e.TrainingLoadPro?.PerceivedLoad,
        CardioLoadInterpretation = e.TrainingLoadPro?.CardioLoadInterpretation, MuscleLoadInterpretation = e.TrainingLoadPro?.MuscleLoadInterpretation,
        PerceivedLoadInterpretation = e.TrainingLoadPro?.PerceivedLoadInterpretation, UserRpe = e.TrainingLoadPro?.UserRpe,
        TrainingLoadPro = Part(e.Raw, "training_load_pro"), HeartRateZones = Part(e.Raw, "heart_rate_zones"),
    };

    public static IEnumerable<E.ExerciseSample> ExerciseSamples(string userId, Exercise e) =>
        e.Raw.TryGetProperty("samples", out var raw) && raw.ValueKind == JsonValueKind.Array
            ? raw.EnumerateArray().Zip(e.Samples).Select(x => new E.ExerciseSample
            {
                UserId = userId, ExerciseId = e.Id, SampleType = x.Second.SampleType, RecordingRate = x.Second.RecordingRate, Data = x.Second.Data, Raw = x.First.GetRawText(),
            })
            : [];

    public static E.ExerciseRoute? Route(string userId, Exercise e) =>
        e.Route.Count == 0 ? null : new E.ExerciseRoute { UserId = userId, ExerciseId = e.Id, PointCount = e.Route.Count, Points = Part(e.Raw, "route")!, Raw = Part(e.Raw, "route")! };

    public static E.ContinuousHeartRateDay HeartRate(string userId, ContinuousHeartRateDay d) => new()
    {
        UserId = userId, Date = d.Date, Raw = d.Raw.GetRawText(),
        SampleSeconds = [.. d.HeartRateSamples.Select(s => (int)s.SampleTime.ToTimeSpan().TotalSeconds)], HeartRates = [.. d.HeartRateSamples.Select(s => s.HeartRate)],
    };

    public static E.CardioLoadDay CardioLoad(string userId, CardioLoadDay c) => new()
    {
        UserId = userId, Date = c.Date, Raw = c.Raw.GetRawText(), CardioLoadStatus = c.CardioLoadStatus, CardioLoad = c.CardioLoad, Strain = c.Strain,
        Tolerance = c.Tolerance, CardioLoadRatio = c.CardioLoadRatio, LevelVeryLow = c.CardioLoadLevel?.VeryLow, LevelLow = c.CardioLoadLevel?.Low,
        LevelMedium = c.CardioLoadLevel?.Medium, LevelHigh = c.CardioLoadLevel?.High, LevelVeryHigh = c.CardioLoadLevel?.VeryHigh,
    };

    public static E.SleepWiseAlertness? Alertness(string userId, SleepWiseAlertness a) => a.PeriodStartTime is not { } start ? null : new()
    {
        UserId = userId, PeriodStartTime = Utc(start), ResultType = a.ResultType ?? "ALERTNESS_TYPE_UNKNOWN", Raw = a.Raw.GetRawText(),
        PeriodEndTime = a.PeriodEndTime is { } end ? Utc(end) : null, Grade = a.Grade, GradeValiditySeconds = a.GradeValiditySeconds, GradeType = a.GradeType,
        GradeClassification = a.GradeClassification, Validity = a.Validity, SleepInertia = a.SleepInertia, SleepType = a.SleepType,
        SleepPeriodStartTime = a.SleepPeriodStartTime is { } ss ? Utc(ss) : null, SleepPeriodEndTime = a.SleepPeriodEndTime is { } se ? Utc(se) : null,
        SleepTimezoneOffsetMinutes = a.SleepTimezoneOffsetMinutes, HourlyData = Part(a.Raw, "hourly_data"),
    };

    public static E.SleepWiseBedtime? Bedtime(string userId, CircadianBedtime b) => b.PeriodStartTime is not { } start ? null : new()
    {
        UserId = userId, PeriodStartTime = Utc(start), ResultType = b.ResultType ?? "CIRCADIAN_BEDTIME_TYPE_UNKNOWN", Raw = b.Raw.GetRawText(),
        PeriodEndTime = b.PeriodEndTime is { } end ? Utc(end) : null, Validity = b.Validity, Quality = b.Quality,
        PreferredSleepPeriodStartTime = b.PreferredSleepPeriodStartTime is { } ps ? Utc(ps) : null, PreferredSleepPeriodEndTime = b.PreferredSleepPeriodEndTime is { } pe ? Utc(pe) : null,
        SleepGateStartTime = b.SleepGateStartTime is { } gs ? Utc(gs) : null, SleepGateEndTime = b.SleepGateEndTime is { } ge ? Utc(ge) : null,
        SleepTimezoneOffsetMinutes = b.SleepTimezoneOffsetMinutes,
    };

    public static E.BodyTemperaturePeriod? BodyTemperature(string userId, BodyTemperaturePeriod b) => b.StartTime is not { } start ? null : new()
    {
        UserId = userId, SourceDeviceId = b.SourceDeviceId ?? "", StartTime = start, EndTime = b.EndTime, ModifiedTime = b.ModifiedTime,
        MeasurementType = b.MeasurementType, SensorLocation = b.SensorLocation, Samples = Part(b.Raw, "samples"), Raw = b.Raw.GetRawText(),
    };

    public static E.SkinTemperatureNight SkinTemperature(string userId, SkinTemperatureNight s) => new()
    {
        UserId = userId, SleepDate = s.SleepDate, SleepTimeSkinTemperatureCelsius = s.SleepTimeSkinTemperatureCelsius,
        DeviationFromBaselineCelsius = s.DeviationFromBaselineCelsius, Raw = s.Raw.GetRawText(),
    };

    public static E.SkinContactPeriod? SkinContacts(string userId, SkinContactPeriod s) => s.StartTime is not { } start ? null : new()
    {
        UserId = userId, SourceDeviceId = s.SourceDeviceId ?? "", StartTime = start, EndTime = s.EndTime, ModifiedTime = s.ModifiedTime,
        SkinContactChanges = Part(s.Raw, "skin_contact_changes"), Raw = s.Raw.GetRawText(),
    };

    public static E.EcgTest Ecg(string userId, EcgTest e) => new()
    {
        UserId = userId, TestTime = e.TestTime, SourceDeviceId = e.SourceDeviceId ?? "", TimeZoneOffsetMinutes = e.TimeZoneOffset,
        AverageHeartRateBpm = e.AverageHeartRateBpm, HeartRateVariabilityMs = e.HeartRateVariabilityMs, HeartRateVariabilityLevel = e.HeartRateVariabilityLevel,
        RriMs = e.RriMs, PulseTransitTimeSystolicMs = e.PulseTransitTimeSystolicMs, PulseTransitTimeDiastolicMs = e.PulseTransitTimeDiastolicMs,
        PulseTransitTimeQualityIndex = e.PulseTransitTimeQualityIndex, Samples = Part(e.Raw, "samples"), QualityMeasurements = Part(e.Raw, "quality_measurements"),
        Raw = e.Raw.GetRawText(),
    };

    public static E.Spo2Test Spo2(string userId, Spo2Test s) => new()
    {
        UserId = userId, TestTime = s.TestTime, SourceDeviceId = s.SourceDeviceId ?? "", TimeZoneOffsetMinutes = s.TimeZoneOffset, TestStatus = s.TestStatus,
        BloodOxygenPercent = s.BloodOxygenPercent, Spo2Class = s.Spo2Class, Spo2ValueDeviationFromBaseline = s.Spo2ValueDeviationFromBaseline,
        Spo2QualityAveragePercent = s.Spo2QualityAveragePercent, AverageHeartRateBpm = s.AverageHeartRateBpm, HeartRateVariabilityMs = s.HeartRateVariabilityMs,
        Spo2HrvDeviationFromBaseline = s.Spo2HrvDeviationFromBaseline, AltitudeMeters = s.AltitudeMeters, Raw = s.Raw.GetRawText(),
    };

    /// <summary>Keyed by Polar's `modified` (or `created`): every version is kept.</summary>
    public static E.PhysicalInfoSnapshot? PhysicalInfo(string userId, PhysicalInfo p) => (p.Modified ?? p.Created) is not { } modified ? null : new()
    {
        UserId = userId, ModifiedAt = modified, CreatedAtPolar = p.Created, Weight = p.Weight, Height = p.Height, Birthday = p.Birthday, Gender = p.Gender,
        MaximumHeartRate = p.MaximumHeartRate, RestingHeartRate = p.RestingHeartRate, AerobicThreshold = p.AerobicThreshold,
        AnaerobicThreshold = p.AnaerobicThreshold, Vo2Max = p.Vo2Max, WeightSource = p.WeightSource, TrainingBackground = p.TrainingBackground,
        TypicalDay = p.TypicalDay, SleepGoal = p.SleepGoal, Raw = p.Raw.GetRawText(),
    };
}
