namespace PolarFlow.Analytics.Common;

/// <summary>One value on one of the user's local calendar days. A missing day is absent, never a zero.</summary>
public readonly record struct DailyValue(DateOnly Date, double Value);

public enum AnalyticStatus
{
    Ok,
    /// <summary>Too few valid days for the method's minimum; the result says what is missing.</summary>
    InsufficientData,
}
