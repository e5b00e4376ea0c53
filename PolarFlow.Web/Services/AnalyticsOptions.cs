using System.Globalization;

namespace PolarFlow.Web.Services;

/// <summary>
/// A person's analytics options for one user (Settings), kept between visits in a cookie of their browser and sent
/// to the API as its query options. Null means the API's default.
/// </summary>
public sealed record AnalyticsOptions(double? SleepNeedMinutes, double? SwcMultiplier, string? WeekendDays)
{
    public static readonly AnalyticsOptions Default = new(null, null, null);

    public static readonly string[] SwcChoices = ["0.5", "1.0"];

    public IEnumerable<string> Query()
    {
        if (SleepNeedMinutes is { } need) yield return "sleep_need_minutes=" + need.ToString(CultureInfo.InvariantCulture);
        if (SwcMultiplier is { } swc) yield return "swc_multiplier=" + swc.ToString("0.0", CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(WeekendDays)) yield return "weekend_days=" + Uri.EscapeDataString(WeekendDays);
    }

    public static string CookieName(string userId) => "polarflow-options-" + Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(userId));

    public string ToCookie() => string.Join('|', SleepNeedMinutes?.ToString(CultureInfo.InvariantCulture) ?? "",
        SwcMultiplier?.ToString("0.0", CultureInfo.InvariantCulture) ?? "", WeekendDays ?? "");

    public static AnalyticsOptions FromCookie(string? value)
    {
        var parts = (value ?? "").Split('|');
        if (parts.Length != 3) return Default;
        return new AnalyticsOptions(
            double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var need) ? need : null,
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var swc) ? swc : null,
            parts[2].Length > 0 ? parts[2] : null);
    }
}
