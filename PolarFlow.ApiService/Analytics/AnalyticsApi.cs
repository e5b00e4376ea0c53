using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PolarFlow.ApiService.Common;
using PolarFlow.Analytics.Views;

namespace PolarFlow.ApiService.Analytics;

public static class AnalyticsApi
{
    private const string Options = " Options: `as_of` (YYYY-MM-DD, default the user's local today), `swc_multiplier` (0.5 or 1.0), "
        + "`sleep_need_minutes` (default Polar's sleep goal, else 480), `weekend_days` (default `sat,sun`). Cached until the user's data changes.";

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder user)
    {
        var analytics = user.MapGroup("/analytics");
        foreach (var definition in AnalyticsCatalog.All) Map(analytics, definition);
        return user;
    }

    private static void Map(RouteGroupBuilder group, AnalyticsCatalog.Definition definition) =>
        group.MapGet("/" + definition.Name, async Task<Results<ContentHttpResult, ProblemHttpResult>> (string userId,
            [AsParameters] AnalyticsQueryString options, HttpResponse response, AnalyticsService service, TimeProvider time, CancellationToken ct) =>
        {
            var utcToday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (!AnalyticsQuery.TryCreate(options, definition.DefaultDays, utcToday, out var query, out var problem)) return problem!;
            var outcome = await service.GetAsync(userId, definition, query, ct);
            if (!outcome.UserExists) return Problems.UnknownUser(userId);
            response.Headers["X-Cache"] = outcome.Cached ? "hit" : "miss";
            return TypedResults.Content(outcome.Json, "application/json");
        })
        .WithName("GetAnalytics" + string.Concat(definition.Name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])))
        .WithSummary($"Get the {definition.Name.Replace('-', ' ')} analytics")
        .WithDescription(definition.Description + Options)
        .Produces(StatusCodes.Status200OK, typeof(AnalyticsResponse<>).MakeGenericType(definition.ResultType));
}
