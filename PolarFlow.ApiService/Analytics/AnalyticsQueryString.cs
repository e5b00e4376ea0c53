using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace PolarFlow.ApiService.Analytics;

/// <summary>The query options every analytic takes, as the query string states them (see <see cref="AnalyticsQuery"/>).</summary>
public sealed record AnalyticsQueryString : IValidatableObject
{
    private const string Day = "(sun|mon|tue|wed|thu|fri|sat)";

    [FromQuery(Name = "as_of")]
    [Description("The day to compute for (YYYY-MM-DD, 2000-01-01 up to today); default the user's local today.")]
    public DateOnly? AsOf { get; init; }

    [FromQuery(Name = "days"), Range(1, AnalyticsQuery.MaxDays)]
    [Description("Days of series to return; the default depends on the analytic.")]
    public int? Days { get; init; }

    [FromQuery(Name = "swc_multiplier"), Range(0.5, 1.0)]
    [Description("The smallest worthwhile change as a multiple of the SD: 0.5 (default) or 1.0.")]
    public double? SwcMultiplier { get; init; }

    [FromQuery(Name = "sleep_need_minutes"), Range(180, 900)]
    [Description("Nightly sleep need in minutes; default Polar's sleep goal, else 480.")]
    public double? SleepNeedMinutes { get; init; }

    [FromQuery(Name = "weekend_days"), RegularExpression("^" + Day + "(," + Day + "){0,5}$", MatchTimeoutInMilliseconds = 100)]
    [Description("Comma-separated distinct lower-case days off, for social jet lag: default `sat,sun`.")]
    public string? WeekendDays { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SwcMultiplier is { } swc && swc is not (0.5 or 1.0))
            yield return new ValidationResult("swc_multiplier is 0.5 (the smallest worthwhile change, default) or 1.0.", ["swc_multiplier"]);
        if (WeekendDays is { Length: > 0 } w && w.Split(',').Distinct().Count() != w.Split(',').Length)
            yield return new ValidationResult("weekend_days names each day once.", ["weekend_days"]);
    }
}
