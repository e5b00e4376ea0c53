using System.Diagnostics;
using System.Text.Json;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Views;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Serves one analytic: the user's data version first (from memory while PostgreSQL's change feed is live, else one
/// indexed read), then the cache under that version (memory, then Redis),
/// else the data and its version from one snapshot, computed and cached under the version it was read at. A
/// computation that a sync overtakes is cached under the old version, which no later request asks for.
/// </summary>
public sealed class AnalyticsService(IServiceScopeFactory scopes, AnalyticsCache cache,
    Users.UserHeads heads, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public static readonly ActivitySource Source = new("PolarFlow.Analytics");

    public sealed record Outcome(bool UserExists, string? Json, bool Cached);

    public async Task<Outcome> GetAsync(string userId, AnalyticsCatalog.Definition definition, AnalyticsQuery query,
        CancellationToken ct)
    {
        var analytic = definition.Name;
        using var activity = Source.StartActivity("Analytics " + analytic);
        var head = await heads.GetAsync(userId, ct);
        if (head is null) return new Outcome(false, null, false);

        // "Today" is the user's local day, from the offset of their latest night (UTC when there is none).
        var asOf = query.AsOf ?? DateOnly.FromDateTime(time.GetUtcNow().ToOffset(TimeSpan.FromMinutes(head.Offset ?? 0)).DateTime);
        var key = cache.Key(userId, analytic, head.DataVersion, asOf, query);
        var (body, computed) = await cache.GetOrComputeAsync(key, async token =>
        {
            // The computation is shared by concurrent requests and may outlive the one that started it (HybridCache),
            // so it reads through a database context of its own, not that request's.
            await using var scope = scopes.CreateAsyncScope();
            var loader = scope.ServiceProvider.GetRequiredService<AnalyticsDataLoader>();
            // A sync that commits after the version was read makes this newer than its key, never older.
            var (data, version) = await loader.LoadAsync(userId, asOf, query.Days, token);
            var result = definition.Compute(data, asOf, query);
            var response = new AnalyticsResponse<object>(userId, analytic, asOf, version, time.GetUtcNow(), Describe(query),
                result);
            return JsonSerializer.Serialize(response, json.Value.SerializerOptions);
        }, ct);
        activity?.SetTag("polarflow.cache", computed ? "miss" : "hit");
        return new Outcome(true, body, !computed);
    }

    private static AnalyticsParametersDto Describe(AnalyticsQuery query) =>
        new(query.Days, query.Parameters.SwcMultiplier, query.Parameters.SleepNeedMinutes,
            (query.Parameters.WeekendDays ?? []).Select(d => AnalyticsQuery.DayNames[(int)d]).ToList());
}
