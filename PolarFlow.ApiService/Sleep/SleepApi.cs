using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Sleep;

public static class SleepApi
{
    public static RouteGroupBuilder MapSleepApi(this RouteGroupBuilder user)
    {
        user.MapGet("/sleep", (string userId, [AsParameters] DateWindow window, PolarFlowDbContext db, DataLists lists,
            CancellationToken ct) => lists.ListAsync(userId, window, async (range, token) =>
        {
            var nights = await db.Sleep.Where(s => s.UserId == userId && s.Date >= range.From && s.Date <= range.To)
                .OrderBy(s => s.Date).Select(SleepMapping.Listed).ToListAsync(token);
            return new SleepListDto(userId, range.From, range.To, nights.Count, nights);
        }, l => l.Count, ct)).WithName("ListSleep").WithSummary("List nights of sleep")
            .WithDescription("Nights by wake-up date: ?days= (default 30, 1-3650) or ?from=&to=.");

        user.MapGet("/sleep/{date}", async Task<Results<Ok<SleepDetailDto>, ProblemHttpResult>> (string userId, DateOnly date, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var night = await db.Sleep.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.Date == date, ct);
            if (night is null)
            {
                return await db.Users.AnyAsync(u => u.UserId == userId, ct) ? TypedResults.Problem(statusCode: 404, title: "No sleep for that date",
                    type: "https://polarflow.dev/problems/not-found") : Problems.UnknownUser(userId);
            }
            return TypedResults.Ok(night.ToDetailDto());
        }).WithName("GetSleep").WithSummary("Get one night of sleep")
            .WithDescription("One night with its hypnogram (`HH:MM` → stage) and heart-rate samples.");
        return user;
    }
}
