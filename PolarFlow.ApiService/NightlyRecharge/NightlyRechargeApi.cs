using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Common;
using PolarFlow.Data;

namespace PolarFlow.ApiService.NightlyRecharge;

public static class NightlyRechargeApi
{
    public sealed record RechargeDto(DateOnly Date, int? HeartRateAvg, int? BeatToBeatAvg, int? HeartRateVariabilityAvg, double? BreathingRateAvg,
        int? NightlyRechargeStatus, double? AnsCharge, int? AnsChargeStatus, IReadOnlyList<string> Provenance);
    public sealed record RechargeDetailDto(RechargeDto Night, JsonElement? HrvSamples, JsonElement? BreathingSamples);
    public sealed record RechargeListDto(string UserId, DateOnly From, DateOnly To, int Count, IReadOnlyList<RechargeDto> Nights);

    public static RouteGroupBuilder MapNightlyRechargeApi(this RouteGroupBuilder user)
    {
        user.MapGet("/nightly-recharge", (string userId, [AsParameters] DateWindow window, PolarFlowDbContext db,
            DataLists lists, CancellationToken ct) => lists.ListAsync(userId, window, async (range, token) =>
        {
            var nights = await db.NightlyRecharge.AsNoTracking()
                .Where(r => r.UserId == userId && r.Date >= range.From && r.Date <= range.To).OrderBy(r => r.Date)
                .ToListAsync(token);
            return new RechargeListDto(userId, range.From, range.To, nights.Count, nights.Select(ToDto).ToList());
        }, l => l.Count, ct)).WithName("ListNightlyRecharge").WithSummary("List Nightly Recharge")
            .WithDescription("Nightly Recharge by date: HRV (RMSSD, ms), resting HR, breathing, ANS charge.");

        user.MapGet("/nightly-recharge/{date}", async Task<Results<Ok<RechargeDetailDto>, ProblemHttpResult>> (string userId, DateOnly date, PolarFlowDbContext db, CancellationToken ct) =>
        {
            var night = await db.NightlyRecharge.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Date == date, ct);
            if (night is null)
            {
                return await db.Users.AnyAsync(u => u.UserId == userId, ct) ? TypedResults.Problem(statusCode: 404, title: "No nightly recharge for that date",
                    type: "https://polarflow.dev/problems/not-found") : Problems.UnknownUser(userId);
            }
            return TypedResults.Ok(new RechargeDetailDto(ToDto(night), JsonColumn.Parse(night.HrvSamples), JsonColumn.Parse(night.BreathingSamples)));
        }).WithName("GetNightlyRecharge").WithSummary("Get one night's recharge")
            .WithDescription("One night's recharge with its HRV and breathing samples.");
        return user;
    }

    private static RechargeDto ToDto(Data.Entities.NightlyRecharge r) =>
        new(r.Date, r.HeartRateAvg, r.BeatToBeatAvg, r.HeartRateVariabilityAvg, r.BreathingRateAvg, r.NightlyRechargeStatus, r.AnsCharge, r.AnsChargeStatus,
            Data.Entities.RecordSources.Of(r.Source, r.ExportRaw));
}
