using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator;

/// <summary>
/// Polar's JSON, key by key, from docs/polar-accesslink-v3.md: snake_case with Polar's kebab-case islands
/// (`running-index`, `training-load-pro` keys, the user object and legacy transactions), its date formats,
/// and optional fields left out rather than sent as null.
/// </summary>
public static partial class PolarJson
{
    public const string BaseUrl = "https://www.polaraccesslink.com";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
    public static string Duration(TimeSpan t) => XmlConvert.ToString(t);
    public static string UserUrl(long id) => $"{BaseUrl}/v3/users/{id}";
    private static string Local(DateTime t, string format = "yyyy-MM-dd'T'HH:mm:ss") => t.ToString(format, Inv);
    private static string Utc(DateTimeOffset t, string format = "yyyy-MM-dd'T'HH:mm:ss") => t.UtcDateTime.ToString(format, Inv);
    private static string UtcZ(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Inv);
    private static string WithOffset(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Inv);
    private static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonObject User(State.EmulatorUser user) => new()
    {
        ["polar-user-id"] = user.PolarUserId,
        ["member-id"] = user.MemberId,
        ["registration-date"] = user.RegisteredAt is { } r ? r.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv) : null,
        ["first-name"] = "Synthetic",
        ["last-name"] = $"Athlete {user.PolarUserId}",
        ["birthdate"] = "1988-04-12",
        ["gender"] = "MALE",
        ["weight"] = 72.4,
        ["height"] = 178.0,
        ["extra-info"] = new JsonArray(),
    };

    public static JsonObject Sleep(SyntheticSleep s, long userId)
    {
        var wake = s.WakeSegmentSeconds().ToList();
        var local = s.Start.DateTime;
        return new JsonObject
        {
            ["polar_user"] = UserUrl(userId),
            ["date"] = Date(s.Date),
            ["sleep_start_time"] = WithOffset(s.Start),
            ["sleep_end_time"] = WithOffset(s.End),
            ["device_id"] = "1111AAAA",
            ["continuity"] = s.Continuity,
            ["continuity_class"] = s.ContinuityClass,
            ["light_sleep"] = s.StageSeconds(2, 3),
            ["deep_sleep"] = s.StageSeconds(4),
            ["rem_sleep"] = s.StageSeconds(1),
            ["unrecognized_sleep_stage"] = s.StageSeconds(5),
            ["sleep_score"] = s.Score,
            ["total_interruption_duration"] = wake.Sum(),
            ["sleep_charge"] = s.SleepCharge,
            ["sleep_goal"] = s.GoalSeconds,
            ["sleep_rating"] = s.Rating,
            ["short_interruption_duration"] = wake.Where(w => w < 300).Sum(),
            ["long_interruption_duration"] = wake.Where(w => w >= 300).Sum(),
            ["sleep_cycles"] = s.Cycles,
            ["group_duration_score"] = s.GroupDurationScore,
            ["group_solidity_score"] = s.GroupSolidityScore,
            ["group_regeneration_score"] = s.GroupRegenerationScore,
            ["hypnogram"] = new JsonObject(s.Hypnogram.Select(h => KeyValuePair.Create(Local(local.AddMinutes(h.StartMinute), "HH:mm"), (JsonNode?)h.Stage))),
            ["heart_rate_samples"] = new JsonObject(s.HeartRate.Select(h => KeyValuePair.Create(Local(local.AddMinutes(h.Minute), "HH:mm"), (JsonNode?)h.Bpm))),
        };
    }

    public static JsonObject SleepAvailable(SyntheticSleep s) => new()
    {
        ["date"] = Date(s.Date), ["start_time"] = WithOffset(s.Start), ["end_time"] = WithOffset(s.End),
    };

    public static JsonObject Recharge(SyntheticRecharge r, SyntheticSleep s, long userId)
    {
        var local = s.Start.DateTime;
        return new JsonObject
        {
            ["polar_user"] = UserUrl(userId),
            ["date"] = Date(r.Date),
            ["heart_rate_avg"] = r.HeartRateAvg,
            ["beat_to_beat_avg"] = r.BeatToBeatAvg,
            ["heart_rate_variability_avg"] = r.HrvAvg,
            ["breathing_rate_avg"] = r.BreathingAvg,
            ["nightly_recharge_status"] = r.RechargeStatus,
            ["ans_charge"] = r.AnsCharge,
            ["ans_charge_status"] = r.AnsChargeStatus,
            ["hrv_samples"] = new JsonObject(r.HrvSamples.Select(h => KeyValuePair.Create(Local(local.AddMinutes(h.Minute), "HH:mm"), (JsonNode?)h.Hrv))),
            ["breathing_samples"] = new JsonObject(r.BreathingSamples.Select(b => KeyValuePair.Create(Local(local.AddMinutes(b.Minute), "HH:mm"), (JsonNode?)b.Rate))),
        };
    }

    public static JsonObject Activity(SyntheticActivity a, bool steps, bool zones, bool inactivity)
    {
        var day = a.Date.ToDateTime(TimeOnly.MinValue);
        var json = new JsonObject
        {
            ["start_time"] = Local(day),
            ["end_time"] = Local(day.AddDays(1).AddSeconds(-1)),
            ["active_duration"] = Duration(TimeSpan.FromMinutes(a.ActiveMinutes)),
            ["inactive_duration"] = Duration(TimeSpan.FromMinutes(1440 - a.ActiveMinutes)),
            ["daily_activity"] = Math.Round(Math.Min(200, a.ActiveMinutes / 1.8), 1),
            ["calories"] = a.Calories,
            ["active_calories"] = a.ActiveCalories,
            ["steps"] = a.Steps,
            ["inactivity_alert_count"] = a.InactivityMinutes.Count,
            ["distance_from_steps"] = a.DistanceFromSteps,
        };
        if (steps || zones || inactivity)
        {
            json["samples"] = ActivitySamples(a, steps, zones, inactivity);
        }
        return json;
    }

    public static JsonObject ActivitySamples(SyntheticActivity a, bool steps = true, bool zones = true, bool inactivity = true)
    {
        var day = a.Date.ToDateTime(TimeOnly.MinValue);
        var json = new JsonObject { ["date"] = Date(a.Date) };
        if (steps)
        {
            // Polar drops a sample that repeats the previous one; a gap longer than the interval is such a run.
            var samples = a.StepsPerMinute.Select((v, m) => (v, m)).Where(x => x.m == 0 || a.StepsPerMinute[x.m - 1] != x.v);
            json["steps"] = new JsonObject
            {
                ["interval_ms"] = 60000,
                ["total_steps"] = a.Steps,
                ["samples"] = Array(samples.Select(x => (JsonNode)new JsonObject { ["steps"] = x.v, ["timestamp"] = Local(day.AddMinutes(x.m), "yyyy-MM-dd'T'HH:mm") })),
            };
        }
        if (zones)
        {
            json["activity_zones"] = new JsonObject
            {
                ["samples"] = Array(a.ZoneChanges.Select(z => (JsonNode)new JsonObject { ["zone"] = z.Zone, ["timestamp"] = Local(day.AddMinutes(z.Minute)) })),
            };
        }
        if (inactivity)
        {
            json["inactivity_stamps"] = Array(a.InactivityMinutes.Select(m => (JsonNode)new JsonObject { ["stamp"] = Local(day.AddMinutes(m), "yyyy-MM-dd'T'HH:mm") }));
        }
        return json;
    }

    public static JsonObject ContinuousHeartRate(SyntheticDay d, long userId) => new()
    {
        ["polar_user"] = UserUrl(userId),
        ["date"] = Date(d.Date),
        ["heart_rate_samples"] = Array(d.ContinuousHeartRate.Select(s => (JsonNode)new JsonObject
        {
            ["heart_rate"] = s.Bpm,
            ["sample_time"] = TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(s.Second)).ToString("HH:mm:ss", Inv),
        })),
    };

    public static JsonObject CardioLoad(SyntheticCardioLoad c) => new()
    {
        ["date"] = Date(c.Date),
        ["cardio_load_status"] = c.Status,
        ["cardio_load"] = c.Status == "LOAD_STATUS_NOT_AVAILABLE" && c.Load == 0 ? -1.0 : c.Load,
        ["strain"] = c.Strain < 0 ? 0.0 : c.Strain,
        ["tolerance"] = c.Tolerance,
        ["cardio_load_ratio"] = c.Ratio,
        ["cardio_load_level"] = c.Levels.Length == 0 ? new JsonObject() : new JsonObject
        {
            ["very_low"] = c.Levels[0], ["low"] = c.Levels[1], ["medium"] = c.Levels[2], ["high"] = c.Levels[3], ["very_high"] = c.Levels[4],
        },
    };
}
