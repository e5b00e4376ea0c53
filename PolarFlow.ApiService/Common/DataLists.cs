using Microsoft.Extensions.Caching.Memory;
using PolarFlow.ApiService.Users;

namespace PolarFlow.ApiService.Common;

/// <summary>
/// Data lists (`sleep`, `activity`, …) kept in this replica's memory under the user's data version, so a repeated
/// list costs no query and a sync that changes the data makes every older list unreachable at once: the version is
/// known from PostgreSQL's notifications (<see cref="UserHeads"/>), as for analytics. A miss is one query. Lists are
/// not shared through Redis: reading one there would cost what the query costs.
/// </summary>
public sealed class DataLists(UserHeads heads, ListMemory memory, IHttpContextAccessor http, TimeProvider time)
{
    public TimeProvider Time => time;

    /// <summary>
    /// The list for the request's path and query over <paramref name="range"/>, from memory or from
    /// <paramref name="load"/>; null when the user does not exist. The answer says `X-Cache: hit` or `miss`.
    /// </summary>
    public async Task<TList?> GetAsync<TList>(string userId, DateRange range, Func<CancellationToken, Task<TList>> load,
        Func<TList, int> rows, CancellationToken ct) where TList : class
    {
        if (await heads.GetAsync(userId, ct) is not { } head) return null;
        var request = http.HttpContext!.Request;
        // The resolved range is part of the key (`?days=30` covers other days tomorrow), and so is the list's type
        // (two kinds of list can never share an entry, whatever request asks for them).
        var key = $"{userId}:v{head.DataVersion}:{typeof(TList)}:{request.Path}{request.QueryString}"
            + $":{range.From:yyyy-MM-dd}:{range.To:yyyy-MM-dd}";
        var cached = memory.Cache.TryGetValue(key, out TList? list);
        if (!cached)
        {
            // A sync that commits after the version was read makes this newer than its key, never older.
            list = await load(ct);
            memory.Cache.Set(key, list, new MemoryCacheEntryOptions
            {
                Size = 1 + rows(list), AbsoluteExpirationRelativeToNow = ListMemory.Lifetime,
            });
        }
        http.HttpContext.Response.Headers["X-Cache"] = cached ? "hit" : "miss";
        return list;
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
