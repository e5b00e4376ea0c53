using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>Sleep, nightly recharge, continuous heart rate and daily activity: the per-day resources.</summary>
public static class DailyDataEndpoints
{
    public static void MapDailyDataEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v3/users").RequireUser();

        users.MapGet("/sleep", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            var today = user.Today(state.Clock);
            var nights = user.EndedNights(state.Clock, today.AddDays(-state.Options.Window(28) + 1), today);
            return PolarHttp.Json(new JsonObject { ["nights"] = new JsonArray([.. nights.Select(d => PolarJson.Sleep(d.Sleep, user.PolarUserId))]) });
        });
        users.MapGet("/sleep/available", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            var today = user.Today(state.Clock);
            var nights = user.EndedNights(state.Clock, today.AddDays(-state.Options.Window(28) + 1), today);
            return PolarHttp.Json(new JsonObject { ["available"] = new JsonArray([.. nights.Select(d => PolarJson.SleepAvailable(d.Sleep))]) });
        });
        users.MapGet("/sleep/{date}", (string date, HttpContext http, EmulatorState state) =>
            OneNight(http, state, date, d => PolarJson.Sleep(d.Sleep, http.User().PolarUserId)));

        users.MapGet("/nightly-recharge", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            var today = user.Today(state.Clock);
            var nights = user.EndedNights(state.Clock, today.AddDays(-state.Options.Window(28) + 1), today);
            return PolarHttp.Json(new JsonObject { ["recharges"] = new JsonArray([.. nights.Select(d => PolarJson.Recharge(d.Recharge, d.Sleep, user.PolarUserId))]) });
        });
        users.MapGet("/nightly-recharge/{date}", (string date, HttpContext http, EmulatorState state) =>
            OneNight(http, state, date, d => PolarJson.Recharge(d.Recharge, d.Sleep, http.User().PolarUserId)));

        users.MapGet("/continuous-heart-rate/{date}", (string date, HttpContext http, EmulatorState state) =>
        {
            if (!PolarHttp.TryDate(date, out var day)) return PolarHttp.Error(http, 400, "BAD_REQUEST", "Invalid date");
            var user = http.User();
            var found = user.CompletedDays(state.Clock, Max(day, user.Today(state.Clock).AddDays(-state.Options.Window(28))), day).FirstOrDefault(d => d.Date == day);
            return found is null ? PolarHttp.Error(http, 404, "NOT_FOUND", "No data found for date") : PolarHttp.Json(PolarJson.ContinuousHeartRate(found, user.PolarUserId));
        });
        // The live API wraps the range in "heart_rates" (the spec says a single object).
        users.MapGet("/continuous-heart-rate", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            if (PolarHttp.Range(http, user, 28, 28, required: true, out var error) is not { } range) return error!;
            var days = user.CompletedDays(state.Clock, Max(range.From, user.Today(state.Clock).AddDays(-state.Options.Window(28))), range.To);
            return PolarHttp.Json(new JsonObject { ["heart_rates"] = new JsonArray([.. days.Select(d => PolarJson.ContinuousHeartRate(d, user.PolarUserId))]) });
        });

        users.MapGet("/activities", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            if (ActivityRange(http, state, user, out var error) is not { } range) return error!;
            bool steps = PolarHttp.Flag(http, "steps"), zones = PolarHttp.Flag(http, "activity_zones"), stamps = PolarHttp.Flag(http, "inactivity_stamps");
            return PolarHttp.Json(new JsonArray([.. user.CompletedDays(state.Clock, range.From, range.To).Select(d => PolarJson.Activity(d.Activity, steps, zones, stamps))]));
        });
        users.MapGet("/activities/samples", (HttpContext http, EmulatorState state) =>
        {
            var user = http.User();
            if (ActivityRange(http, state, user, out var error) is not { } range) return error!;
            return PolarHttp.Json(new JsonArray([.. user.CompletedDays(state.Clock, range.From, range.To).Select(d => PolarJson.ActivitySamples(d.Activity))]));
        });
        users.MapGet("/activities/{date}", (string date, HttpContext http, EmulatorState state) =>
            OneActivityDay(http, state, date, d => PolarJson.Activity(d.Activity, PolarHttp.Flag(http, "steps"), PolarHttp.Flag(http, "activity_zones"), PolarHttp.Flag(http, "inactivity_stamps"))));
        users.MapGet("/activities/samples/{date}", (string date, HttpContext http, EmulatorState state) =>
            OneActivityDay(http, state, date, d => PolarJson.ActivitySamples(d.Activity)));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A night by its wake-up date: 404 when there is none (or it has left the 28-day window).</summary>
    private static IResult OneNight(HttpContext http, EmulatorState state, string date, Func<Synthetic.SyntheticDay, JsonObject> write)
    {
        if (!PolarHttp.TryDate(date, out var day)) return PolarHttp.Error(http, 400, "BAD_REQUEST", "Invalid date");
        var user = http.User();
        var oldest = user.Today(state.Clock).AddDays(-state.Options.Window(28) + 1);
        var night = day < oldest ? null : user.EndedNights(state.Clock, day, day).FirstOrDefault();
        return night is null ? PolarHttp.Error(http, 404, "NOT_FOUND", "No data found for date") : PolarHttp.Json(write(night));
    }

    /// <summary>Activities reach back 365 days; a day with no data is 204; older than that is 400.</summary>
    private static IResult OneActivityDay(HttpContext http, EmulatorState state, string date, Func<Synthetic.SyntheticDay, JsonObject> write)
    {
        var user = http.User();
        if (!PolarHttp.TryDate(date, out var day) || day < user.Today(state.Clock).AddDays(-state.Options.Window(365)))
        {
            return PolarHttp.Error(http, 400, "BAD_REQUEST", "Invalid or too old date");
        }
        var found = user.CompletedDays(state.Clock, day, day).FirstOrDefault();
        return found is null ? Results.NoContent() : PolarHttp.Json(write(found));
    }

    /// <summary>Default: the last 28 days; `from` no older than 365 days; at most 28 days per request.</summary>
    private static (DateOnly From, DateOnly To)? ActivityRange(HttpContext http, EmulatorState state, EmulatorUser user, out IResult? error)
    {
        if (PolarHttp.Range(http, user, 28, 28, required: false, out error) is not { } range) return null;
        if (range.From < user.Today(state.Clock).AddDays(-state.Options.Window(365)))
        {
            error = PolarHttp.Error(http, 400, "BAD_REQUEST", "from may be at most 365 days ago");
            return null;
        }
        return range;
    }
}
