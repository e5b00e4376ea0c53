using CsvHelper;

namespace PolarFlow.ApiService.Export;

// The export rows; CsvHelper's source generator writes their CSV writers ([CsvRecord], partial). Times are as stored:
// local ones without an offset, instants in UTC. Sample series are one row per sample.
[CsvRecord] public sealed partial record SleepRow(DateOnly Date, DateTimeOffset? SleepStartTime, DateTimeOffset? SleepEndTime, int? LightSleep, int? DeepSleep, int? RemSleep, int? TotalInterruptionDuration, int? SleepScore, int? SleepCharge, double? Continuity);
[CsvRecord] public sealed partial record RechargeRow(DateOnly Date, int? HeartRateAvg, int? HeartRateVariabilityAvg, double? BreathingRateAvg, double? AnsCharge, int? NightlyRechargeStatus);
[CsvRecord] public sealed partial record ActivityRow(DateOnly Date, int? Steps, int? Calories, int? ActiveCalories, string? ActiveDuration, double? DistanceFromSteps);
[CsvRecord] public sealed partial record ActivitySampleRow(DateOnly Date, string? Time, int? Steps);
[CsvRecord] public sealed partial record ExerciseRow(string Id, DateTime? StartTime, string? Sport, string? Duration, double? Distance, int? Calories, int? HeartRateAverage, int? HeartRateMaximum, double? TrainingLoad, double? CardioLoad);
[CsvRecord] public sealed partial record ExerciseSampleRow(string ExerciseId, int SampleType, int? RecordingRate, int Index, string Value);
[CsvRecord] public sealed partial record ExerciseRoutePointRow(string ExerciseId, int Index, double? Latitude, double? Longitude, string? Time);
[CsvRecord] public sealed partial record CardioLoadRow(DateOnly Date, string? Status, double? CardioLoad, double? Strain, double? Tolerance, double? Ratio);
[CsvRecord] public sealed partial record HeartRateRow(DateOnly Date, TimeOnly Time, int Bpm);
[CsvRecord] public sealed partial record AlertnessRow(DateTimeOffset PeriodStartTime, DateTimeOffset? PeriodEndTime, string ResultType, double? Grade, string? GradeType, string? GradeClassification, string? Validity, string? SleepInertia, string? SleepType, DateTimeOffset? SleepPeriodStartTime, DateTimeOffset? SleepPeriodEndTime);
[CsvRecord] public sealed partial record BedtimeRow(DateTimeOffset PeriodStartTime, DateTimeOffset? PeriodEndTime, string ResultType, string? Validity, string? Quality, DateTimeOffset? PreferredSleepPeriodStartTime, DateTimeOffset? PreferredSleepPeriodEndTime, DateTimeOffset? SleepGateStartTime, DateTimeOffset? SleepGateEndTime);
[CsvRecord] public sealed partial record BodyTemperatureRow(DateTime PeriodStartTime, string SourceDeviceId, string? MeasurementType, string? SensorLocation, long? OffsetMilliseconds, double? TemperatureCelsius);
[CsvRecord] public sealed partial record SkinTemperatureRow(DateOnly SleepDate, double? SleepTimeSkinTemperatureCelsius, double? DeviationFromBaselineCelsius);
[CsvRecord] public sealed partial record SkinContactRow(DateTime PeriodStartTime, string SourceDeviceId, long? OffsetMilliseconds, bool? SkinContact);
[CsvRecord] public sealed partial record EcgRow(long TestTime, DateTimeOffset TestTimeUtc, int? TimeZoneOffsetMinutes, int? AverageHeartRateBpm, double? HeartRateVariabilityMs, string? HeartRateVariabilityLevel, double? RriMs, double? PulseTransitTimeSystolicMs, double? PulseTransitTimeDiastolicMs, double? PulseTransitTimeQualityIndex);
[CsvRecord] public sealed partial record Spo2Row(long TestTime, DateTimeOffset TestTimeUtc, int? TimeZoneOffsetMinutes, string? TestStatus, int? BloodOxygenPercent, string? Spo2Class, string? Spo2ValueDeviationFromBaseline, double? Spo2QualityAveragePercent, int? AverageHeartRateBpm, double? HeartRateVariabilityMs, string? Spo2HrvDeviationFromBaseline, double? AltitudeMeters);
[CsvRecord] public sealed partial record PhysicalInfoRow(DateTimeOffset ModifiedAt, double? Weight, double? Height, DateOnly? Birthday, string? Gender, int? MaximumHeartRate, int? RestingHeartRate, int? AerobicThreshold, int? AnaerobicThreshold, int? Vo2Max, string? WeightSource, string? TrainingBackground, string? TypicalDay, string? SleepGoal);
