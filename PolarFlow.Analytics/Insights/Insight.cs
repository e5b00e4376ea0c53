namespace PolarFlow.Analytics.Insights;

/// <summary>A plain-language observation and the numbers it came from.</summary>
public sealed record Insight(string Kind, string Severity, string Text, IReadOnlyDictionary<string, object?> Evidence);
