using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace PolarFlow.ApiService.Common;

/// <summary>
/// The date window of a list endpoint as its query states it: `?days=` (1-3650, ending today) or `?from=&amp;to=`
/// (both, ISO dates, from ≤ to, at most 3650 days). Bound and validated before the handler runs, so a bad value is a
/// 400 naming the parameter and the OpenAPI document states each parameter's type and limits.
/// </summary>
public sealed record DateWindow : IValidatableObject
{
    [FromQuery(Name = "days"), Range(1, DateRange.MaxDays)]
    [Description("How many days, ending today (UTC). Not with from/to.")]
    public int? Days { get; init; }

    [FromQuery(Name = "from")]
    [Description("First day (YYYY-MM-DD), with to.")]
    public DateOnly? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Last day (YYYY-MM-DD), with from.")]
    public DateOnly? To { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is null && To is null) yield break;
        if (Days is not null) yield return new ValidationResult("Give either days or from and to, not both.", ["days"]);
        else if (From is null) yield return new ValidationResult("from is required with to (YYYY-MM-DD).", ["from"]);
        else if (To is null) yield return new ValidationResult("to is required with from (YYYY-MM-DD).", ["to"]);
        else if (From > To) yield return new ValidationResult("from must not be after to.", ["from"]);
        else if (To.Value.DayNumber - From.Value.DayNumber + 1 > DateRange.MaxDays)
            yield return new ValidationResult($"The range may span at most {DateRange.MaxDays} days.", ["to"]);
    }

    /// <summary>The window as days: from/to when given, else `days` (or <paramref name="defaultDays"/>) ending today.</summary>
    public DateRange Resolve(TimeProvider time, int defaultDays = 30)
    {
        if (From is { } from && To is { } to) return new DateRange(from, to);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new DateRange(today.AddDays(-(Days ?? defaultDays) + 1), today);
    }
}
