using CsvHelper;

namespace PolarFlow.ApiService.Export;

// The export rows; CsvHelper's source generator writes their CSV writers ([CsvRecord], partial).
[CsvRecord] public sealed partial record SleepRow(DateOnly Date, DateTimeOffset? SleepStartTime, DateTimeOffset? SleepEndTime, int? LightSleep, int? DeepSleep, int? RemSleep, int? TotalInterruptionDuration, int? SleepScore, int? SleepCharge, double? Continuity);
[CsvRecord] public sealed partial record RechargeRow(DateOnly Date, int? HeartRateAvg, int? HeartRateVariabilityAvg, double? BreathingRateAvg, double? AnsCharge, int? NightlyRechargeStatus);
[CsvRecord] public sealed partial record ActivityRow(DateOnly Date, int? Steps, int? Calories, int? ActiveCalories, string? ActiveDuration, double? DistanceFromSteps);
[CsvRecord] public sealed partial record ExerciseRow(string Id, DateTime? StartTime, string? Sport, string? Duration, double? Distance, int? Calories, int? HeartRateAverage, int? HeartRateMaximum, double? TrainingLoad, double? CardioLoad);
[CsvRecord] public sealed partial record CardioLoadRow(DateOnly Date, string? Status, double? CardioLoad, double? Strain, double? Tolerance, double? Ratio);
[CsvRecord] public sealed partial record HeartRateRow(DateOnly Date, TimeOnly Time, int Bpm);
