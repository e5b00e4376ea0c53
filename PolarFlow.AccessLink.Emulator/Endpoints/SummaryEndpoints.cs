using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>Cardio load, SleepWise and biosensing: bare arrays, windowed by from/to.</summary>
public static class SummaryEndpoints
{
    public static void MapSummaryEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v3/users").RequireUser();

        users.MapGet("/cardio-load", (HttpContext http, EmulatorState state) => CardioLoad(http, state, http.User().Today(state.Clock).AddDays(-state.Options.Window(28) + 1), null));
        users.MapGet("/cardio-load/date", (HttpContext http, EmulatorState state) =>
            PolarHttp.Range(http, http.User(), 28, 180, required: true, out var error) is { } r ? CardioLoad(http, state, r.From, r.To) : error!);
        users.MapGet("/cardio-load/period/days/{days:int}", (int days, HttpContext http, EmulatorState state) =>
            days is < 1 or > 180 ? PolarHttp.Error(http, 400, "BAD_REQUEST", "days must be 1-180")
            : CardioLoad(http, state, http.User().Today(state.Clock).AddDays(-days + 1), null));
        users.MapGet("/cardio-load/period/months/{months:int}", (int months, HttpContext http, EmulatorState state) =>
            months is < 1 or > 6 ? PolarHttp.Error(http, 400, "BAD_REQUEST", "months must be 1-6")
            : CardioLoad(http, state, http.User().Today(state.Clock).AddMonths(-months).AddDays(1), null));
        users.MapGet("/cardio-load/{date}", (string date, HttpContext http, EmulatorState state) =>
            PolarHttp.TryDate(date, out var day) ? CardioLoad(http, state, day, day) : PolarHttp.Error(http, 400, "BAD_REQUEST", "Invalid date"));

        users.MapGet("/sleepwise/alertness", (HttpContext http, EmulatorState state) => Nights(http, state, false, d => d.Alertness is { } a ? PolarJson.Alertness(a) : null));
        users.MapGet("/sleepwise/alertness/date", (HttpContext http, EmulatorState state) => Nights(http, state, true, d => d.Alertness is { } a ? PolarJson.Alertness(a) : null));
        users.MapGet("/sleepwise/circadian-bedtime", (HttpContext http, EmulatorState state) => Nights(http, state, false, d => PolarJson.Bedtime(d.Bedtime)));
        users.MapGet("/sleepwise/circadian-bedtime/date", (HttpContext http, EmulatorState state) => Nights(http, state, true, d => PolarJson.Bedtime(d.Bedtime)));

        users.MapGet("/biosensing/bodytemperature", (HttpContext http, EmulatorState state) => Nights(http, state, false, d => PolarJson.BodyTemperature(d.Biosensing)));
        users.MapGet("/biosensing/skintemperature", (HttpContext http, EmulatorState state) => Nights(http, state, false, d => PolarJson.SkinTemperature(d.Biosensing)));
        users.MapGet("/biosensing/skincontacts", (HttpContext http, EmulatorState state) => Nights(http, state, false, d => PolarJson.SkinContacts(d.Biosensing)));
        users.MapGet("/biosensing/ecg", (HttpContext http, EmulatorState state) =>
            Nights(http, state, false, d => d.Biosensing.EcgTestTime is not null ? PolarJson.Ecg(d.Biosensing, http.User().Athlete.UtcOffsetMinutes) : null));
        users.MapGet("/biosensing/spo2", (HttpContext http, EmulatorState state) =>
            Nights(http, state, false, d => d.Biosensing.Spo2TestTime is not null ? PolarJson.Spo2(d.Biosensing, http.User().Athlete.UtcOffsetMinutes) : null));
    }

    /// <summary>One entry per completed day in the range, including days without training (load 0).</summary>
    private static IResult CardioLoad(HttpContext http, EmulatorState state, DateOnly from, DateOnly? to)
    {
        var user = http.User();
        var oldest = user.Today(state.Clock).AddDays(-state.Options.Window(180));
        if (from < oldest) return PolarHttp.Error(http, 400, "BAD_REQUEST", "Date is too old: cardio load reaches back 180 days");
        var days = user.CompletedDays(state.Clock, from, to ?? user.Today(state.Clock));
        return PolarHttp.Json(new JsonArray([.. days.Select(d => PolarJson.CardioLoad(d.CardioLoad))]));
    }

    /// <summary>Per-night data in the last 28 days, or from/to (at most 28 days); 204 when there is none.</summary>
    private static IResult Nights(HttpContext http, EmulatorState state, bool rangeRequired, Func<SyntheticDay, JsonObject?> write)
    {
        var user = http.User();
        if (PolarHttp.Range(http, user, 28, 28, rangeRequired, out var error) is not { } range) return error!;
        var items = user.EndedNights(state.Clock, range.From, range.To).Select(write).OfType<JsonObject>().ToList();
        return items.Count == 0 ? Results.NoContent() : PolarHttp.Json(new JsonArray([.. items]));
    }
}
