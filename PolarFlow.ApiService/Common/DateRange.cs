using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PolarFlow.ApiService.Common;

/// <summary>
/// The date window of a list endpoint: `?days=` (default 30, 1-3650, ending today) or `?from=&amp;to=` (both,
/// ISO dates, from ≤ to, at most 3650 days). Bad input is a 400 naming the parameter, before any query runs.
/// </summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 3650;

    public static bool TryParse(string? days, string? from, string? to, TimeProvider time, out DateRange range, out ProblemHttpResult? problem)
    {
        range = default!;
        problem = null;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (from is not null || to is not null)
        {
            if (days is not null) return Fail("days", "Give either days or from and to, not both.", out problem);
            if (!TryDate(from, out var f)) return Fail("from", "from must be a date as YYYY-MM-DD.", out problem);
            if (!TryDate(to, out var t)) return Fail("to", "to must be a date as YYYY-MM-DD.", out problem);
            if (f > t) return Fail("from", "from must not be after to.", out problem);
            if (t.DayNumber - f.DayNumber + 1 > MaxDays) return Fail("to", $"The range may span at most {MaxDays} days.", out problem);
            range = new DateRange(f, t);
            return true;
        }
        var count = 30;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxDays))
        {
            return Fail("days", $"days must be a whole number from 1 to {MaxDays}.", out problem);
        }
        range = new DateRange(today.AddDays(-count + 1), today);
        return true;
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool Fail(string parameter, string detail, out ProblemHttpResult? problem)
    {
        problem = Problems.Invalid(parameter, detail);
        return false;
    }
}
