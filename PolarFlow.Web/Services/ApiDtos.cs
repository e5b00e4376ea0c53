using System.Text.Json;

namespace PolarFlow.Web.Services;

// The API's answers the dashboard reads (only the fields it shows). The analytics' records come from
// PolarFlow.Analytics.Views, shared with the API.

public sealed record PersonDto(Guid PersonId, string Username, string Role, string? UserId, DateTimeOffset CreatedAt, DateTimeOffset? LastSignInAt);
public sealed record SetupState(bool OwnerExists);
public sealed record LinkDto(string Token, string Role, string? UserId, DateTimeOffset ExpiresAt);
public sealed record LinkInfo(string Role, string? UserId, DateTimeOffset ExpiresAt);

public sealed record UserDto(string UserId, string ConnectionState, string? ConnectionStateReason, long? PolarUserId, DateOnly? FirstDate,
    DateOnly? LastDate, long DataVersion, DateTimeOffset CreatedAt);
public sealed record UserSummaryDto(string UserId, string ConnectionState, string? ConnectionStateReason, DateOnly? FirstDate, DateOnly? LastDate,
    DateTimeOffset? LastSyncAt);
public sealed record UserPageDto(int Page, int PageSize, int Total, IReadOnlyList<UserSummaryDto> Items);

public sealed record SleepDto(DateOnly Date, DateTimeOffset? SleepStartTime, DateTimeOffset? SleepEndTime, int? LightSleep, int? DeepSleep, int? RemSleep,
    int? UnrecognizedSleepStage, int? TotalInterruptionDuration, int? SleepScore, int? SleepCharge, int? SleepGoal, double? Continuity, int? SleepCycles);
public sealed record SleepListDto(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<SleepDto> Nights);
public sealed record SleepDetailDto(SleepDto Night, JsonElement? Hypnogram, JsonElement? HeartRateSamples);

public sealed record RechargeDto(DateOnly Date, int? HeartRateAvg, int? BeatToBeatAvg, int? HeartRateVariabilityAvg, double? BreathingRateAvg,
    double? AnsCharge, int? AnsChargeStatus, int? NightlyRechargeStatus);

public sealed record RangeList<T>(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<T> Items);
public sealed record RechargeListDto(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<RechargeDto> Nights);

public sealed record ActivityDto(DateOnly Date, int? Steps, int? Calories, int? ActiveCalories, TimeSpan? ActiveDuration, TimeSpan? InactiveDuration,
    double? DistanceFromSteps);
public sealed record ActivitySamplesDto(DateOnly Date, int? StepIntervalMs, int? TotalSteps, JsonElement? Steps);

public sealed record ExerciseDto(string Id, DateTime? StartTime, int? StartTimeUtcOffsetMinutes, TimeSpan? Duration, string? Sport, string? DetailedSportInfo,
    double? Distance, int? Calories, int? HeartRateAverage, int? HeartRateMaximum, double? TrainingLoad, double? CardioLoad, double? MuscleLoad, bool? HasRoute);
public sealed record ExerciseDetailDto(ExerciseDto Exercise, JsonElement? HeartRateZones, JsonElement? TrainingLoadPro);
public sealed record SeriesDto(int SampleType, int? RecordingRate, int Count, IReadOnlyList<double?> Values);
public sealed record RouteDto(string ExerciseId, int PointCount, JsonElement Points);

public sealed record CardioLoadDto(DateOnly Date, string? Status, double? CardioLoad, double? Strain, double? Tolerance, double? Ratio);

public sealed record JobDto(Guid Id, string Trigger, string Status, int Priority, string[] DataTypes, DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int Attempt, string? Error, JsonElement? Steps);
public sealed record CursorDto(string DataType, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastAttemptAt, string? LastError, DateOnly? NewestDate);
public sealed record SyncStatusDto(string UserId, string ConnectionState, string? Reason, long? PolarUserId, long DataVersion, JobDto? CurrentJob,
    IReadOnlyList<CursorDto> DataTypes);
public sealed record AuthorizeResponse(string AuthorizationUrl, DateTimeOffset ExpiresAt);

public sealed record ImportCountsDto(int Read, int Changed);
public sealed record ImportErrorDto(string File, string Reason);
public sealed record ImportDto(Guid Id, string UserId, string Status, string? FileName, long SizeBytes, int FilesTotal, int FilesDone,
    int FilesImported, int FilesSkipped, int FilesFailed, IReadOnlyDictionary<string, ImportCountsDto> Records, IReadOnlyList<ImportErrorDto> Errors,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Reason);
public sealed record ImportListDto(string UserId, int Count, IReadOnlyList<ImportDto> Items);

public sealed record KeyDto(string KeyId, string Name, string Kind, string? UserId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
public sealed record CreatedKeyDto(string KeyId, string Name, string Kind, string? UserId, DateTimeOffset CreatedAt, string Key);
