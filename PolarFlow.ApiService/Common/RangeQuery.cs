using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Common;

/// <summary>A list with the range it covers, as every list endpoint answers.</summary>
public sealed record RangeList<T>(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<T> Items);

public static class RangeQuery
{
    /// <summary>
    /// The common list endpoint: resolve the (validated) window, 404 for an unknown user, run the query (one, on a
    /// miss of <see cref="DataLists"/>), map.
    /// </summary>
    public static async Task<Results<Ok<RangeList<T>>, ProblemHttpResult>> ListAsync<TEntity, T>(
        string userId, DateWindow window, DataLists lists,
        Func<DateRange, IQueryable<TEntity>> query, Func<TEntity, T> map, CancellationToken ct, int maxDays = DateRange.MaxDays, int defaultDays = 30)
    {
        var range = window.Resolve(lists.Time, defaultDays);
        if (range.Days > maxDays)
        {
            return Problems.Invalid(window.Days is null ? "to" : "days", $"This series is large: ask for at most {maxDays} days at a time.");
        }
        var list = await lists.GetAsync(userId, range, async token =>
        {
            var rows = await query(range).ToListAsync(token);
            return new RangeList<T>(userId, range.From, range.To, rows.Count, rows.Select(map).ToList());
        }, l => l.Count, ct);
        return list is null ? Problems.UnknownUser(userId) : TypedResults.Ok(list);
    }

    /// <summary>One record or a 404 that says whether the user or the record is missing.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> OneAsync<T>(string userId, T? found, string what, PolarFlowDbContext db, CancellationToken ct) where T : class =>
        found is not null ? TypedResults.Ok(found)
        : await db.Users.AnyAsync(u => u.UserId == userId, ct) ? TypedResults.Problem(statusCode: 404, title: $"No {what}", type: "https://polarflow.dev/problems/not-found")
        : Problems.UnknownUser(userId);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
