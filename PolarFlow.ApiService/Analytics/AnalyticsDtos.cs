namespace PolarFlow.ApiService.Analytics;

/// <summary>Every analytic's answer: which data version it was computed from and when, the options used, and the result.</summary>
public sealed record AnalyticsResponse<T>(string UserId, string Analytic, DateOnly AsOf, long DataVersion, DateTimeOffset ComputedAt,
    AnalyticsParametersDto Parameters, T Result);

public sealed record AnalyticsParametersDto(int Days, double SwcMultiplier, double? SleepNeedMinutes, IReadOnlyList<string> WeekendDays);
