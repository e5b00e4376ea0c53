namespace PolarFlow.Analytics.Common;

/// <summary>One value on one of the user's local calendar days. A missing day is absent, never a zero.</summary>
public readonly record struct DailyValue(DateOnly Date, double Value);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AnalyticStatus>))]
public enum AnalyticStatus
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("ok")]
    Ok,
    /// <summary>Too few valid days for the method's minimum; the result says what is missing.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("insufficient_data")]
    InsufficientData,
}
