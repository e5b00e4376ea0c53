using System.Globalization;
using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.State;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.Endpoints;

/// <summary>
/// The legacy transaction flows: create (201, or 204 when nothing is new), list (at most 50 items), get each
/// item, commit (200; the items are gone for good). A second create before the commit returns the same one.
/// </summary>
public static class TransactionEndpoints
{
    public sealed record Family(string Name, string Path, string DataType, string ListKey, string ItemSegment);

    public static readonly Family Exercise = new("exercise", "exercise-transactions", "EXERCISE", "exercises", "exercises");
    public static readonly Family Activity = new("activity", "activity-transactions", "ACTIVITY_SUMMARY", "activity-log", "activities");
    public static readonly Family Physical = new("physical", "physical-information-transactions", "PHYSICAL_INFORMATION", "physical-informations", "physical-informations");
    public static readonly Family[] Families = [Exercise, Activity, Physical];
    private const int MaxItems = 50;

    public static IEnumerable<string> PendingItems(EmulatorUser user, Family family, EmulatorState state)
    {
        IEnumerable<string> all = family.Name switch
        {
            "exercise" => user.AvailableExercises(state.Clock, state.Options).Select(e => LegacyId(e.Id).ToString(CultureInfo.InvariantCulture)),
            "activity" => user.CompletedDays(state.Clock, user.Today(state.Clock).AddDays(-state.Options.Window(28)), user.Today(state.Clock))
                .Where(d => user.RegisteredAt is { } r && d.Date >= DateOnly.FromDateTime(r.UtcDateTime)).Select(d => d.Date.DayNumber.ToString(CultureInfo.InvariantCulture)),
            _ => user.Athlete.PhysicalInfo(state.Clock.UtcNow).Select((_, i) => (i + 1).ToString(CultureInfo.InvariantCulture)),
        };
        return all.Where(key => !user.Committed.Contains($"{family.Name}:{key}"));
    }

    /// <summary>Legacy endpoints use integer ids; this one is stable for an exercise's hashed id (FNV-1a, 31 bits).</summary>
    public static long LegacyId(string hashedId)
    {
        var hash = 2166136261u;
        foreach (var c in hashedId) hash = (hash ^ c) * 16777619u;
        return hash & 0x7FFFFFFF;
    }

    public static void MapTransactionEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v3/users/{userId:long}").RequireUser();
        foreach (var family in Families)
        {
            users.MapPost($"/{family.Path}", (long userId, HttpContext http, EmulatorState state) =>
            {
                if (Owner(http, userId) is { } denied) return denied;
                var user = http.User();
                if (!user.OpenTransactions.TryGetValue(family.Name, out var transaction))
                {
                    var items = PendingItems(user, family, state).Take(MaxItems).ToList();
                    if (items.Count == 0) return Results.NoContent();
                    transaction = user.OpenTransactions[family.Name] = new Transaction(state.NextTransactionId(), family.Name, items);
                }
                return PolarHttp.Json(new JsonObject
                {
                    ["transaction-id"] = transaction.Id, ["resource-uri"] = $"{PolarJson.UserUrl(userId)}/{family.Path}/{transaction.Id}",
                }, 201);
            });

            users.MapGet($"/{family.Path}/{{transactionId:long}}", (long userId, long transactionId, HttpContext http) =>
                Open(http, userId, family, transactionId) is not { } t ? PolarHttp.Error(http, 404, "NOT_FOUND", "Transaction not found")
                : PolarHttp.Json(new JsonObject
                {
                    [family.ListKey] = new JsonArray([.. t.ItemKeys.Select(k => (JsonNode)$"{PolarJson.UserUrl(userId)}/{family.Path}/{t.Id}/{family.ItemSegment}/{k}")]),
                }));

            users.MapPut($"/{family.Path}/{{transactionId:long}}", (long userId, long transactionId, HttpContext http) =>
            {
                if (Open(http, userId, family, transactionId) is not { } t) return PolarHttp.Error(http, 404, "NOT_FOUND", "Transaction not found");
                var user = http.User();
                foreach (var key in t.ItemKeys) user.Committed.Add($"{family.Name}:{key}");
                user.OpenTransactions.Remove(family.Name);
                return Results.Ok();
            });
        }

        var exercise = users.MapGroup($"/{Exercise.Path}/{{transactionId:long}}/exercises/{{itemId:long}}");
        exercise.MapGet("", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, t) => PolarHttp.Json(LegacyExercise(e, userId, t.Id))));
        exercise.MapGet("/heart-rate-zones", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, _) => PolarHttp.Json(new JsonObject
            {
                ["zone"] = new JsonArray([.. e.Zones.Select(z => (JsonNode)new JsonObject
                {
                    ["index"] = z.Index, ["lower-limit"] = z.Lower, ["upper-limit"] = z.Upper, ["in-zone"] = PolarJson.Duration(TimeSpan.FromSeconds(z.Seconds)),
                })]),
            })));
        exercise.MapGet("/samples", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, t) => PolarHttp.Json(new JsonObject
            {
                ["samples"] = new JsonArray([.. PolarJson.SampleSeries(e).Select(s => (JsonNode)$"{PolarJson.UserUrl(userId)}/{Exercise.Path}/{t.Id}/exercises/{itemId}/samples/{s.Type}")]),
            })));
        exercise.MapGet("/samples/{typeId:int}", (long userId, long transactionId, long itemId, int typeId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, _) => PolarJson.SampleSeries(e).Where(s => s.Type == typeId).Select(s => PolarHttp.Json(new JsonObject
            {
                ["recording-rate"] = e.RecordingRate, ["sample-type"] = s.Type.ToString(CultureInfo.InvariantCulture), ["data"] = s.Data,
            })).FirstOrDefault() ?? PolarHttp.Error(http, 404, "NOT_FOUND", "No such sample type")));
        exercise.MapGet("/fit", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, _) => Results.Bytes(FitFile.Write(e), "*/*")));
        exercise.MapGet("/tcx", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, _) => Results.Text(ExerciseFiles.Tcx(e), "application/vnd.garmin.tcx+xml")));
        exercise.MapGet("/gpx", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithExercise(http, state, userId, transactionId, itemId, (e, _) => e.Route is null ? Results.NoContent() : Results.Text(ExerciseFiles.Gpx(e), "application/gpx+xml")));

        var activity = users.MapGroup($"/{Activity.Path}/{{transactionId:long}}/activities/{{itemId:long}}");
        activity.MapGet("", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithDay(http, state, userId, transactionId, itemId, (d, t) => PolarHttp.Json(new JsonObject
            {
                ["id"] = itemId, ["polar-user"] = PolarJson.UserUrl(userId), ["transaction-id"] = t.Id, ["date"] = PolarJson.Date(d.Date),
                ["created"] = d.Date.AddDays(1).ToDateTime(new TimeOnly(6, 0)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["calories"] = d.Activity.Calories, ["active-calories"] = d.Activity.ActiveCalories,
                ["duration"] = PolarJson.Duration(TimeSpan.FromMinutes(d.Activity.ActiveMinutes)), ["active-steps"] = d.Activity.Steps,
            })));
        activity.MapGet("/step-samples", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithDay(http, state, userId, transactionId, itemId, (d, _) => PolarHttp.Json(new JsonObject
            {
                ["date"] = PolarJson.Date(d.Date), ["interval"] = 1,
                ["samples"] = new JsonArray([.. d.Activity.StepsPerMinute.Select((s, m) => (JsonNode)new JsonObject
                {
                    ["steps"] = s, ["time"] = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(m)).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
                })]),
            })));
        activity.MapGet("/zone-samples", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
            WithDay(http, state, userId, transactionId, itemId, (d, _) => PolarHttp.Json(new JsonObject
            {
                ["date"] = PolarJson.Date(d.Date), ["interval"] = 1,
                ["samples"] = new JsonArray([.. d.Activity.ZoneChanges.Select(z => (JsonNode)new JsonObject
                {
                    ["activity-zones"] = new JsonArray(new JsonObject { ["index"] = ZoneIndex(z.Zone), ["inzone"] = "PT1M" }),
                    ["time"] = TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(z.Minute)).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),
                })]),
            })));

        users.MapGet($"/{Physical.Path}/{{transactionId:long}}/physical-informations/{{itemId:long}}", (long userId, long transactionId, long itemId, HttpContext http, EmulatorState state) =>
        {
            if (Open(http, userId, Physical, transactionId) is not { } t || !t.ItemKeys.Contains(itemId.ToString(CultureInfo.InvariantCulture)))
                return PolarHttp.Error(http, 404, "NOT_FOUND", "Not found");
            var p = http.User().Athlete.PhysicalInfo(state.Clock.UtcNow)[(int)itemId - 1];
            return PolarHttp.Json(new JsonObject
            {
                ["id"] = itemId, ["transaction-id"] = t.Id, ["created"] = p.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["polar-user"] = PolarJson.UserUrl(userId), ["weight"] = p.Weight, ["height"] = p.Height, ["maximum-heart-rate"] = p.MaxHr,
                ["resting-heart-rate"] = p.RestingHr, ["aerobic-threshold"] = p.AerobicThreshold, ["anaerobic-threshold"] = p.AnaerobicThreshold,
                ["vo2-max"] = p.Vo2Max, ["weight-source"] = "SOURCE_USER",
            });
        });
    }

    private static int ZoneIndex(string zone) => zone switch { "SLEEP" => 0, "SEDENTARY" => 1, "LIGHT" => 2, "MODERATE" => 3, _ => 4 };

    private static IResult? Owner(HttpContext http, long userId) =>
        http.User().PolarUserId == userId ? null : PolarHttp.Error(http, 403, "FORBIDDEN", "The token belongs to another user");

    private static Transaction? Open(HttpContext http, long userId, Family family, long transactionId) =>
        Owner(http, userId) is null && http.User().OpenTransactions.TryGetValue(family.Name, out var t) && t.Id == transactionId ? t : null;

    private static IResult WithExercise(HttpContext http, EmulatorState state, long userId, long transactionId, long itemId, Func<SyntheticExercise, Transaction, IResult> answer)
    {
        var t = Open(http, userId, Exercise, transactionId);
        var e = t is null || !t.ItemKeys.Contains(itemId.ToString(CultureInfo.InvariantCulture)) ? null
            : http.User().AvailableExercises(state.Clock, state.Options).FirstOrDefault(x => LegacyId(x.Id) == itemId);
        return e is null ? PolarHttp.Error(http, 404, "NOT_FOUND", "Exercise not found") : answer(e, t!);
    }

    private static IResult WithDay(HttpContext http, EmulatorState state, long userId, long transactionId, long itemId, Func<SyntheticDay, Transaction, IResult> answer)
    {
        var t = Open(http, userId, Activity, transactionId);
        var day = t is null || !t.ItemKeys.Contains(itemId.ToString(CultureInfo.InvariantCulture)) ? null : http.User().Athlete.Day(DateOnly.FromDayNumber((int)itemId));
        return day is null ? PolarHttp.Error(http, 404, "NOT_FOUND", "Activity not found") : answer(day, t!);
    }

    /// <summary>The legacy exercise summary: kebab-case keys and an integer id.</summary>
    private static JsonObject LegacyExercise(SyntheticExercise e, long userId, long transactionId)
    {
        var json = new JsonObject
        {
            ["upload-time"] = e.UploadTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["id"] = LegacyId(e.Id), ["polar-user"] = PolarJson.UserUrl(userId), ["transaction-id"] = transactionId,
            ["device"] = "Polar Vantage M", ["device-id"] = "500AF925",
            ["start-time"] = e.LocalStart.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), ["start-time-utc-offset"] = e.UtcOffsetMinutes,
            ["duration"] = PolarJson.Duration(e.Duration), ["calories"] = e.Calories,
            ["heart-rate"] = new JsonObject { ["average"] = e.AverageHr, ["maximum"] = e.MaximumHr },
            ["training-load"] = e.TrainingLoad, ["sport"] = e.Sport, ["has-route"] = e.Route is not null, ["detailed-sport-info"] = e.Sport,
        };
        if (e.Distance is { } d) json["distance"] = d;
        return json;
    }
}
