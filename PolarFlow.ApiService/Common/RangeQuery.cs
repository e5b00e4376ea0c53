using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Common;

/// <summary>A list with the range it covers, as every list endpoint answers.</summary>
public sealed record RangeList<T>(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<T> Items);

public static class RangeQuery
{
    /// <summary>The common list endpoint: the query's rows mapped, through <see cref="DataLists"/>.</summary>
    public static Task<Results<Ok<RangeList<T>>, ProblemHttpResult>> ListAsync<TEntity, T>(
        string userId, DateWindow window, DataLists lists, Func<DateRange, IQueryable<TEntity>> query, Func<TEntity, T> map,
        CancellationToken ct, int maxDays = DateRange.MaxDays, int defaultDays = 30) =>
        lists.ListAsync(userId, window, async (range, token) =>
        {
            var rows = await query(range).ToListAsync(token);
            return new RangeList<T>(userId, range.From, range.To, rows.Count, rows.Select(map).ToList());
        }, l => l.Count, ct, maxDays, defaultDays);

    /// <summary>One record or a 404 that says whether the user or the record is missing.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> OneAsync<T>(string userId, T? found, string what, PolarFlowDbContext db, CancellationToken ct) where T : class =>
        found is not null ? TypedResults.Ok(found)
        : await db.Users.AnyAsync(u => u.UserId == userId, ct) ? TypedResults.Problem(statusCode: 404, title: $"No {what}", type: "https://polarflow.dev/problems/not-found")
        : Problems.UnknownUser(userId);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
