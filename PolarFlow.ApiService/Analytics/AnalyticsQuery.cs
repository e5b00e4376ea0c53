using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PolarFlow.Analytics.Common;
using PolarFlow.ApiService.Common;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// The query options every analytic takes, validated before anything is read: `as_of` (YYYY-MM-DD, default the
/// user's local today), `days` (series length, 1-365, default per analytic), `swc_multiplier` (0.5 default or 1.0),
/// `sleep_need_minutes` (180-900, default Polar's sleep goal, else 480) and `weekend_days` (default `sat,sun`).
/// </summary>
public sealed record AnalyticsQuery(DateOnly? AsOf, int Days, AnalyticsParameters Parameters)
{
    public const int MaxDays = 365;
    /// <summary>Day names as the options take and answer them, indexed by <see cref="DayOfWeek"/>.</summary>
    public static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The part of the cache key that says which options were asked for.</summary>
    public string CacheKey => string.Create(CultureInfo.InvariantCulture,
        $"d{Days}:swc{Parameters.SwcMultiplier}:need{Parameters.SleepNeedMinutes}:we{string.Join(',', (Parameters.WeekendDays ?? []).Select(d => (int)d))}");

    /// <summary>The options as they arrived in the query string.</summary>
    public sealed record Raw(string? AsOf, string? Days, string? SwcMultiplier, string? SleepNeedMinutes, string? WeekendDays);

    public static bool TryParse(Raw q, int defaultDays, DateOnly utcToday, out AnalyticsQuery query, out ProblemHttpResult? problem)
    {
        query = default!;
        DateOnly? asOf = null;
        if (q.AsOf is { } text)
        {
            if (!DateRange.TryDate(text, out var day)) return Fail("as_of", "as_of must be a date as YYYY-MM-DD.", out problem);
            // A day ahead of UTC is still today somewhere (UTC+14); later than that has no data yet.
            if (day > utcToday.AddDays(1) || day.Year < 2000) return Fail("as_of", "as_of must be from 2000-01-01 up to today.", out problem);
            asOf = day;
        }

        var days = defaultDays;
        if (q.Days is { } d && (!int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > MaxDays))
        {
            return Fail("days", $"days must be a whole number from 1 to {MaxDays}.", out problem);
        }

        var swc = 0.5;
        if (q.SwcMultiplier is { } s && (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out swc) || swc is not (0.5 or 1.0)))
        {
            return Fail("swc_multiplier", "swc_multiplier is 0.5 (the smallest worthwhile change, default) or 1.0.", out problem);
        }

        double? need = null;
        if (q.SleepNeedMinutes is { } n)
        {
            if (!double.TryParse(n, NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) || minutes is < 180 or > 900)
            {
                return Fail("sleep_need_minutes", "sleep_need_minutes must be a number of minutes from 180 to 900.", out problem);
            }
            need = minutes;
        }

        List<DayOfWeek> weekend = [DayOfWeek.Saturday, DayOfWeek.Sunday];
        if (q.WeekendDays is { } w)
        {
            var names = w.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(x => x.ToLowerInvariant()).ToList();
            if (names.Count is 0 or > 6 || names.Any(x => !DayNames.Contains(x)) || names.Distinct().Count() != names.Count)
            {
                return Fail("weekend_days", "weekend_days is a comma-separated list of distinct days: sun, mon, tue, wed, thu, fri, sat.", out problem);
            }
            weekend = names.Select(x => (DayOfWeek)Array.IndexOf(DayNames, x)).Order().ToList();
        }

        query = new AnalyticsQuery(asOf, days, new AnalyticsParameters(swc, need, weekend));
        problem = null;
        return true;
    }

    private static bool Fail(string parameter, string detail, out ProblemHttpResult? problem)
    {
        problem = Problems.Invalid(parameter, detail);
        return false;
    }
}
