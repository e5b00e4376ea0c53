namespace PolarFlow.Analytics.Common;

/// <summary>The options a user may set per request, with the documented defaults.</summary>
public sealed record AnalyticsParameters(double SwcMultiplier = 0.5, double? SleepNeedMinutes = null, IReadOnlyList<DayOfWeek>? WeekendDays = null)
{
    public static readonly AnalyticsParameters Default = new();
}
