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

    /// <summary>
    /// The options as bound from the query string (types and limits checked before the handler runs), made a query:
    /// what the binder cannot know, such as today, is checked here.
    /// </summary>
    public static bool TryCreate(AnalyticsQueryString q, int defaultDays, DateOnly utcToday, out AnalyticsQuery query, out ProblemHttpResult? problem)
    {
        query = default!;
        problem = null;
        // A day ahead of UTC is still today somewhere (UTC+14); later than that has no data yet.
        if (q.AsOf is { } day && (day > utcToday.AddDays(1) || day.Year < 2000))
        {
            problem = Problems.Invalid("as_of", "as_of must be from 2000-01-01 up to today.");
            return false;
        }
        var weekend = q.WeekendDays is { Length: > 0 } w
            ? w.Split(',').Select(x => (DayOfWeek)Array.IndexOf(DayNames, x.ToLowerInvariant())).Order().ToList()
            : [DayOfWeek.Saturday, DayOfWeek.Sunday];
        query = new AnalyticsQuery(q.AsOf, q.Days ?? defaultDays, new AnalyticsParameters(q.SwcMultiplier ?? 0.5, q.SleepNeedMinutes, weekend));
        return true;
    }
}
