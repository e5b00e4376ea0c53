using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;
using PolarFlow.Analytics.Insights;
using PolarFlow.Analytics.Readiness;
using PolarFlow.Analytics.Sleep;

namespace PolarFlow.Analytics.Views;

// What the API's /analytics endpoints answer: the library's result as of the day, and for series one row per day.
// Shared with PolarFlow.Web, which reads these answers and computes nothing itself.

/// <summary>Every analytic's answer: which data version it was computed from and when, the options used, and the result.</summary>
public sealed record AnalyticsResponse<T>(string UserId, string Analytic, DateOnly AsOf, long DataVersion, DateTimeOffset ComputedAt,
    AnalyticsParametersDto Parameters, T Result);

public sealed record AnalyticsParametersDto(int Days, double SwcMultiplier, double? SleepNeedMinutes, IReadOnlyList<string> WeekendDays);

public sealed record HrvDay(DateOnly Date, double? LnRmssd, double? Baseline7, double? RangeLow, double? RangeHigh, string? Status, bool AcuteLow);
public sealed record HrvView(HrvBaseline.Result Today, IReadOnlyList<HrvDay> Series);

public sealed record ReadinessDay(DateOnly Date, double? Score, string? Band, double? PolarAnsCharge);
public sealed record ReadinessView(ReadinessScore.Result Today, IReadOnlyList<ReadinessDay> Series);

public sealed record SleepDay(DateOnly Date, double? TotalSleepMinutes, double? WeightedDebtMinutes);
public sealed record SleepView(SleepDebt.Result Debt, SleepRegularity.Result Regularity, IReadOnlyList<SleepDay> Series);

public sealed record InsightsView(IReadOnlyList<Insight> Insights, PersonalDrivers.Result Drivers);

public sealed record SummaryReadiness(AnalyticStatus Status, double? Score, string? Band, double? PolarAnsCharge, string? Missing);
public sealed record SummaryHrv(AnalyticStatus Status, string? BaselineStatus, double? Baseline7, double? RangeLow, double? RangeHigh, bool AcuteLow, string? Missing);
public sealed record SummarySleep(AnalyticStatus Status, double? WeightedDebtMinutes, double NeedMinutes, double? Shortfall7Minutes, string? Missing);
public sealed record SummaryLoad(AnalyticStatus Status, double? Ctl, double? Atl, double? Tsb, double? AcwrEwma, string? AcwrZone, string InjuryRiskHeuristic,
    string? PolarStatus, string? Missing);
public sealed record SummaryView(SummaryReadiness Readiness, SummaryHrv Hrv, SummarySleep SleepDebt, SummaryLoad TrainingLoad,
    EarlyWarning.Alert? ActiveWarning, IReadOnlyList<RobustAnomalies.Anomaly> AnomaliesToday);

