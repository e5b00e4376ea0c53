using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.Endpoints;

namespace PolarFlow.AccessLink.Emulator.State;

/// <summary>
/// Everything the emulator holds for a user, in Polar's shapes, without Polar's windows: what a sync that lost
/// nothing must have stored. Also the webhook events that new data raises as the clock moves.
/// </summary>
public static class GroundTruth
{
    public static JsonObject Of(EmulatorUser user, EmulatorState state)
    {
        var clock = state.Clock;
        var first = user.Athlete.FirstDay;
        var today = user.Today(clock);
        var nights = user.EndedNights(clock, first, today).ToList();
        var days = user.CompletedDays(clock, first, today).ToList();
        var exercises = days.Concat(nights.Where(n => n.Date == today)).SelectMany(d => d.Exercises).Where(e => e.UploadTime <= clock.UtcNow);
        JsonArray Of<T>(IEnumerable<T> items, Func<T, JsonObject?> write) => new([.. items.Select(write).OfType<JsonObject>()]);
        var offset = user.Athlete.UtcOffsetMinutes;

        return new JsonObject
        {
            ["polar_user_id"] = user.PolarUserId,
            ["first_day"] = PolarJson.Date(first),
            ["today"] = PolarJson.Date(today),
            ["illness_start"] = PolarJson.Date(user.Athlete.IllnessStart),
            ["illness_nights"] = Synthetic.SyntheticAthlete.IllnessNights,
            ["sleep"] = Of(nights, d => PolarJson.Sleep(d.Sleep, user.PolarUserId)),
            ["nightly_recharge"] = Of(nights, d => PolarJson.Recharge(d.Recharge, d.Sleep, user.PolarUserId)),
            ["activities"] = Of(days, d => PolarJson.Activity(d.Activity, false, false, false)),
            ["activity_samples"] = Of(days, d => PolarJson.ActivitySamples(d.Activity)),
            ["exercises"] = Of(exercises, e => PolarJson.Exercise(e, user.PolarUserId, samples: true, zones: true, route: true)),
            ["continuous_heart_rate"] = Of(days, d => PolarJson.ContinuousHeartRate(d, user.PolarUserId)),
            ["cardio_load"] = Of(days, d => PolarJson.CardioLoad(d.CardioLoad)),
            ["sleepwise_alertness"] = Of(nights, d => d.Alertness is { } a ? PolarJson.Alertness(a) : null),
            ["sleepwise_bedtime"] = Of(nights, d => PolarJson.Bedtime(d.Bedtime)),
            ["body_temperature"] = Of(nights, d => PolarJson.BodyTemperature(d.Biosensing)),
            ["skin_temperature"] = Of(nights, d => PolarJson.SkinTemperature(d.Biosensing)),
            ["skin_contacts"] = Of(nights, d => PolarJson.SkinContacts(d.Biosensing)),
            ["ecg"] = Of(nights, d => d.Biosensing.EcgTestTime is not null ? PolarJson.Ecg(d.Biosensing, offset) : null),
            ["spo2"] = Of(nights, d => d.Biosensing.Spo2TestTime is not null ? PolarJson.Spo2(d.Biosensing, offset) : null),
            ["physical_info"] = Of(user.Athlete.PhysicalInfo(clock.UtcNow), PolarJson.PhysicalInfo),
        };
    }

    /// <summary>The events Polar would push for data that became available in (before, after].</summary>
    public static IEnumerable<JsonObject> EventsBetween(EmulatorState state, DateTimeOffset before, DateTimeOffset after)
    {
        if (after <= before) yield break;
        foreach (var user in state.Users.Where(u => u.Registered && !u.TokenRevoked))
        {
            var offset = user.Athlete.UtcOffset;
            var from = DateOnly.FromDateTime(before.ToOffset(offset).DateTime).AddDays(-1);
            var to = DateOnly.FromDateTime(after.ToOffset(offset).DateTime);
            foreach (var day in user.Athlete.DaysThrough(to).Where(d => d.Date >= from))
            {
                var date = PolarJson.Date(day.Date);
                if (day.Sleep.End > before && day.Sleep.End <= after)
                {
                    yield return Event("SLEEP", user, date, $"/v3/users/sleep/{date}");
                    if (day.Alertness is not null)
                        yield return new JsonObject { ["event"] = "SLEEP_WISE_ALERTNESS", ["user_id"] = user.PolarUserId, ["from"] = date, ["to"] = date,
                            ["url"] = $"{PolarJson.BaseUrl}/v3/users/sleepwise/alertness/date?from={date}&to={date}" };
                }
                var dayEnd = new DateTimeOffset(day.Date.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
                if (dayEnd > before && dayEnd <= after)
                {
                    yield return Event("ACTIVITY_SUMMARY", user, date, $"/v3/users/activities/{date}");
                    yield return Event("CONTINUOUS_HEART_RATE", user, date, $"/v3/users/continuous-heart-rate/{date}");
                }
                foreach (var e in day.Exercises.Where(e => e.UploadTime > before && e.UploadTime <= after && e.UploadTime >= user.RegisteredAt))
                {
                    yield return new JsonObject { ["event"] = "EXERCISE", ["user_id"] = user.PolarUserId, ["entity_id"] = e.Id, ["url"] = $"{PolarJson.BaseUrl}/v3/exercises/{e.Id}" };
                }
            }
        }
    }

    private static JsonObject Event(string type, EmulatorUser user, string date, string path) => new()
    {
        ["event"] = type, ["user_id"] = user.PolarUserId, ["date"] = date, ["url"] = PolarJson.BaseUrl + path,
    };
}
