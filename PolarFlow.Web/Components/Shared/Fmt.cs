using System.Globalization;

namespace PolarFlow.Web.Components.Shared;

/// <summary>How every number is written on a page (invariant culture, fixed decimals), so a test can compare it with the API's.</summary>
public static class Fmt
{
    public const string None = "—";

    public static string N(double? value, int decimals = 0) =>
        value is { } v && double.IsFinite(v) ? v.ToString("F" + decimals, CultureInfo.InvariantCulture) : None;

    public static string N(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? None;

    public static string Signed(double? value, int decimals = 1) =>
        value is { } v && double.IsFinite(v) ? (v > 0 ? "+" : "") + v.ToString("F" + decimals, CultureInfo.InvariantCulture) : None;

    /// <summary>Minutes as "7 h 05 min".</summary>
    public static string Minutes(double? minutes)
    {
        if (minutes is not { } m || !double.IsFinite(m)) return None;
        var total = (int)Math.Round(Math.Abs(m));
        return (m < 0 ? "−" : "") + (total >= 60 ? $"{total / 60} h {total % 60:00} min" : $"{total} min");
    }

    public static string Seconds(int? seconds) => seconds is { } s ? Minutes(s / 60.0) : None;

    public static string Duration(TimeSpan? span) =>
        span is { } d ? (d.TotalHours >= 1 ? $"{(int)d.TotalHours} h {d.Minutes:00} min" : $"{d.Minutes} min {d.Seconds:00} s") : None;

    public static string Km(double? metres) => metres is { } m ? (m / 1000).ToString("F2", CultureInfo.InvariantCulture) + " km" : None;

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string When(DateTimeOffset? at) => at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : None;

    public static string Label(string? text) => string.IsNullOrEmpty(text) ? None : char.ToUpperInvariant(text[0]) + text[1..].Replace('_', ' ');
}
