using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>What every endpoint shares: Polar's auth rules, its windows, its answers.</summary>
public static class PolarHttp
{
    public const string UserKey = "polar.user";

    // Polar writes `+02:00` and the like literally; the default encoder would escape the plus sign.
    private static readonly System.Text.Json.JsonSerializerOptions Writer = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(Writer), "application/json;charset=UTF-8", Encoding.UTF8, status);

    public static IResult Error(HttpContext http, int status, string type, string message) =>
        Json(PolarJson.Error(status, type, message, http.RequestServices.GetRequiredService<EmulatorClock>().UtcNow), status);

    public static EmulatorUser User(this HttpContext http) => (EmulatorUser)http.Items[UserKey]!;

    /// <summary>
    /// Bearer token of a user who accepted the consents; with <paramref name="mustBeRegistered"/>, one who is also
    /// registered to this partner (Polar refuses data calls before POST /v3/users).
    /// </summary>
    public static RouteGroupBuilder RequireUser(this RouteGroupBuilder group, bool mustBeRegistered = true) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var state = http.RequestServices.GetRequiredService<EmulatorState>();
            var header = http.Request.Headers.Authorization.ToString();
            var user = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? state.FindByToken(header[7..].Trim()) : null;
            if (user is null)
            {
                return Error(http, 401, "UNAUTHORIZED", "Invalid or revoked access token");
            }
            if (user.ConsentMissing)
            {
                return Error(http, 403, "FORBIDDEN", "User has not accepted all mandatory consents");
            }
            if (mustBeRegistered && !user.Registered)
            {
                return Error(http, 403, "FORBIDDEN", "User is not registered to this partner");
            }
            http.Items[UserKey] = user;
            return await next(context);
        });

    /// <summary>Basic auth with the partner's client id and secret (client-level endpoints).</summary>
    public static bool IsPartner(HttpContext http, EmulatorOptions options)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter)) == $"{options.ClientId}:{options.ClientSecret}";
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The athlete's local date now.</summary>
    public static DateOnly Today(this EmulatorUser user, EmulatorClock clock) => DateOnly.FromDateTime(clock.UtcNow.ToOffset(user.Athlete.UtcOffset).DateTime);

    /// <summary>Polar's window length, or the demo widening when configured (documented as not Polar's behaviour).</summary>
    public static int Window(this EmulatorOptions options, int polarDays) => Math.Max(polarDays, options.DemoWindowDays);

    /// <summary>Whole days that are over: their activity, heart rate, load and biosensing are complete.</summary>
    public static IEnumerable<SyntheticDay> CompletedDays(this EmulatorUser user, EmulatorClock clock, DateOnly from, DateOnly to)
    {
        var last = user.Today(clock).AddDays(-1);
        var end = to < last ? to : last;
        return end < user.Athlete.FirstDay ? [] : user.Athlete.DaysThrough(end).Where(d => d.Date >= from);
    }

    /// <summary>Nights whose sleep has ended by now.</summary>
    public static IEnumerable<SyntheticDay> EndedNights(this EmulatorUser user, EmulatorClock clock, DateOnly from, DateOnly to)
    {
        var today = user.Today(clock);
        var end = to < today ? to : today;
        var now = clock.UtcNow;
        return end < user.Athlete.FirstDay ? [] : user.Athlete.DaysThrough(end).Where(d => d.Date >= from && d.Sleep.End <= now);
    }

    /// <summary>Exercises uploaded in the window and, as Polar requires, after the user registered.</summary>
    public static IEnumerable<SyntheticExercise> AvailableExercises(this EmulatorUser user, EmulatorClock clock, EmulatorOptions options)
    {
        var now = clock.UtcNow;
        var since = now.AddDays(-options.Window(30));
        var today = user.Today(clock);
        return user.Athlete.DaysThrough(today).Where(d => d.Date >= today.AddDays(-options.Window(30) - 1))
            .SelectMany(d => d.Exercises)
            // The demo widening also serves exercises from before registration (not Polar's behaviour either).
            .Where(e => e.UploadTime <= now && e.UploadTime >= since && (options.DemoWindowDays > 0 || e.UploadTime >= user.RegisteredAt));
    }

    /// <summary>`from`/`to` (both, or neither: the last <paramref name="days"/> days), at most <paramref name="maxRange"/> days apart.</summary>
    public static (DateOnly From, DateOnly To)? Range(HttpContext http, EmulatorUser user, int days, int maxRange, bool required, out IResult? error)
    {
        var options = http.RequestServices.GetRequiredService<State.EmulatorState>().Options;
        var clock = http.RequestServices.GetRequiredService<EmulatorClock>();
        var today = user.Today(clock);
        string? fromText = http.Request.Query["from"], toText = http.Request.Query["to"];
        error = null;
        if (fromText is null && toText is null && !required)
        {
            return (today.AddDays(-options.Window(days) + 1), today);
        }
        if (!TryDate(fromText, out var from) || !TryDate(toText, out var to))
        {
            error = Error(http, 400, "BAD_REQUEST", "from and to must both be dates in format YYYY-MM-DD");
            return null;
        }
        if (from > to || to.DayNumber - from.DayNumber + 1 > options.Window(maxRange))
        {
            error = Error(http, 400, "BAD_REQUEST", $"Invalid range: from must not be after to, and the range may span at most {options.Window(maxRange)} days");
            return null;
        }
        return (from, to);
    }

    public static bool Flag(HttpContext http, string name) => bool.TryParse(http.Request.Query[name], out var value) && value;
}
