using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using PolarFlow.ApiService.Users;

namespace PolarFlow.ApiService.Common;

/// <summary>
/// The data list endpoints (`sleep`, `activity`, …): the window resolved, 404 for an unknown user, and the list kept
/// in this replica's memory under the user's data version, so a repeated list costs no query and a sync that changes
/// the data makes every older list unreachable at once: the version is known from PostgreSQL's notifications
/// (<see cref="UserHeads"/>), as for analytics. A miss is one query. Lists are not shared through Redis: reading one
/// there would cost what the query costs.
/// </summary>
public sealed class DataLists(UserHeads heads, ListMemory memory, IHttpContextAccessor http, TimeProvider time)
{
    /// <summary>
    /// The list over the (validated) window, from memory or from <paramref name="load"/>; the answer says
    /// `X-Cache: hit` or `miss`.
    /// </summary>
    /// <param name="rows">How many rows the list holds (its size in memory).</param>
    public async Task<Results<Ok<TList>, ProblemHttpResult>> ListAsync<TList>(string userId, DateWindow window,
        Func<DateRange, CancellationToken, Task<TList>> load, Func<TList, int> rows, CancellationToken ct,
        int maxDays = DateRange.MaxDays, int defaultDays = 30) where TList : class
    {
        var range = window.Resolve(time, defaultDays);
        if (range.Days > maxDays)
        {
            return Problems.Invalid(window.Days is null ? "to" : "days",
                $"This series is large: ask for at most {maxDays} days at a time.");
        }
        if (await heads.GetAsync(userId, ct) is not { } head) return Problems.UnknownUser(userId);

        var context = http.HttpContext!;
        // The resolved range is part of the key (`?days=30` covers other days tomorrow), and so is the list's type
        // (two kinds of list can never share an entry, whatever request asks for them).
        var key = $"{userId}:v{head.DataVersion}:{typeof(TList)}:{context.Request.Path}{context.Request.QueryString}"
            + $":{range.From:yyyy-MM-dd}:{range.To:yyyy-MM-dd}";
        var cached = memory.Cache.TryGetValue(key, out TList? list);
        if (!cached)
        {
            // A sync that commits after the version was read makes this newer than its key, never older.
            list = await load(range, ct);
            memory.Cache.Set(key, list, new MemoryCacheEntryOptions
            {
                Size = 1 + rows(list),
                AbsoluteExpirationRelativeToNow = ListMemory.Lifetime,
            });
        }
        context.Response.Headers["X-Cache"] = cached ? "hit" : "miss";
        return TypedResults.Ok(list!);
    }
}

/// <summary>The lists this replica keeps: at most <see cref="MaxRows"/> rows in all, each for <see cref="Lifetime"/>.</summary>
public sealed class ListMemory : IDisposable
{
    public const int MaxRows = 500_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = MaxRows });

    public void Dispose() => Cache.Dispose();
}
