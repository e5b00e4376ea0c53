using System.Text.Json.Nodes;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator;

public static partial class PolarJson
{
    /// <summary>`/v3/exercises` shape: snake_case, hashed string id, `running-index` and Training Load Pro keys kebab.</summary>
    public static JsonObject Exercise(SyntheticExercise e, long userId, bool samples, bool zones, bool route)
    {
        var json = new JsonObject
        {
            ["id"] = e.Id,
            ["upload_time"] = UtcZ(e.UploadTime),
            ["polar_user"] = UserUrl(userId),
            ["device"] = "Polar Vantage M",
            ["device_id"] = "500AF925",
            ["start_time"] = Local(e.LocalStart),
            ["start_time_utc_offset"] = e.UtcOffsetMinutes,
            ["duration"] = Duration(e.Duration),
            ["calories"] = e.Calories,
            ["heart_rate"] = new JsonObject { ["average"] = e.AverageHr, ["maximum"] = e.MaximumHr },
            ["training_load"] = e.TrainingLoad,
            ["sport"] = e.Sport,
            ["has_route"] = e.Route is not null,
            ["detailed_sport_info"] = e.Sport,
        };
        if (e.Distance is { } distance) json["distance"] = distance;
        if (e.Sport == "RUNNING") json["running-index"] = 48;
        json["training_load_pro"] = new JsonObject
        {
            ["date"] = Date(e.Date),
            ["cardio-load"] = e.CardioLoad,
            ["muscle-load"] = e.Sport == "STRENGTH_TRAINING" ? Math.Round(e.CardioLoad * 1.4, 1) : -1.0,
            ["perceived-load"] = 0.0,
            ["cardio-load-interpretation"] = e.CardioLoad switch { < 30 => "LOW", < 80 => "MEDIUM", < 140 => "HIGH", _ => "VERY_HIGH" },
            ["muscle-load-interpretation"] = e.Sport == "STRENGTH_TRAINING" ? "MEDIUM" : "NOT_AVAILABLE",
            ["perceived-load-interpretation"] = "NOT_AVAILABLE",
            ["user-rpe"] = "UNKNOWN",
        };
        if (zones) json["heart_rate_zones"] = Array(e.Zones.Select(z => (JsonNode)new JsonObject
        {
            ["index"] = z.Index, ["lower_limit"] = z.Lower, ["upper_limit"] = z.Upper, ["in_zone"] = Duration(TimeSpan.FromSeconds(z.Seconds)),
        }));
        if (samples) json["samples"] = Array(SampleSeries(e).Select(s => (JsonNode)new JsonObject
        {
            ["recording_rate"] = e.RecordingRate, ["sample_type"] = s.Type, ["data"] = s.Data,
        }));
        if (route && e.Route is not null) json["route"] = Array(e.Route.Select(p => (JsonNode)new JsonObject
        {
            ["latitude"] = p.Latitude, ["longitude"] = p.Longitude, ["time"] = Duration(TimeSpan.FromSeconds(p.SecondsFromStart)),
            ["satellites"] = p.Satellites, ["fix"] = 1,
        }));
        return json;
    }

    /// <summary>HR (0), speed (1) and altitude (3) as Polar's comma-separated strings; `null` marks a sensor gap.</summary>
    public static IEnumerable<(int Type, string Data)> SampleSeries(SyntheticExercise e)
    {
        yield return (0, string.Join(',', e.HeartRateSamples.Select((v, i) => i == 7 ? "null" : v.ToString(Inv))));
        if (e.SpeedSamples is not null) yield return (1, string.Join(',', e.SpeedSamples.Select(v => v.ToString(Inv))));
        if (e.AltitudeSamples is not null) yield return (3, string.Join(',', e.AltitudeSamples.Select(v => v.ToString(Inv))));
    }

    public static JsonObject Alertness(SyntheticAlertness a) => new()
    {
        ["grade"] = a.Grade,
        ["grade_validity_seconds"] = 57600,
        ["grade_type"] = "GRADE_TYPE_PRIMARY",
        ["grade_classification"] = a.Classification,
        ["validity"] = "VALIDITY_ESTIMATE",
        ["sleep_inertia"] = a.Inertia,
        ["sleep_type"] = "SLEEP_TYPE_PRIMARY",
        ["result_type"] = "ALERTNESS_TYPE_HISTORY",
        ["period_start_time"] = Utc(a.PeriodStart),
        ["period_end_time"] = Utc(a.PeriodEnd),
        ["sleep_period_start_time"] = Utc(a.SleepStart, "yyyy-MM-dd'T'HH:mm:ss.57"),
        ["sleep_period_end_time"] = Utc(a.SleepEnd, "yyyy-MM-dd'T'HH:mm:ss.57"),
        ["sleep_timezone_offset_minutes"] = a.OffsetMinutes,
        ["hourly_data"] = Array(a.Hours.Select(h => (JsonNode)new JsonObject
        {
            ["validity"] = "VALIDITY_ESTIMATE", ["alertness_level"] = h.Level, ["start_time"] = Utc(h.Start), ["end_time"] = Utc(h.Start.AddHours(1)),
        })),
    };

    public static JsonObject Bedtime(SyntheticBedtime b) => new()
    {
        ["validity"] = "VALIDITY_ESTIMATE",
        ["quality"] = b.Quality,
        ["result_type"] = "CIRCADIAN_BEDTIME_TYPE_HISTORY",
        ["period_start_time"] = Utc(b.PreferredStart),
        ["period_end_time"] = Utc(b.PreferredEnd),
        ["preferred_sleep_period_start_time"] = Utc(b.PreferredStart),
        ["preferred_sleep_period_end_time"] = Utc(b.PreferredEnd),
        ["sleep_gate_start_time"] = Utc(b.PreferredStart.AddMinutes(-15)),
        ["sleep_gate_end_time"] = Utc(b.PreferredStart.AddMinutes(15)),
        ["sleep_timezone_offset_minutes"] = b.OffsetMinutes,
    };

    public static JsonObject BodyTemperature(SyntheticBiosensing b) => new()
    {
        ["source_device_id"] = "1111AAAA",
        ["measurement_type"] = "TM_CORE_TEMPERATURE",
        ["sensor_location"] = "SL_PROXIMAL",
        ["start_time"] = Utc(b.NightStart),
        ["end_time"] = Utc(b.NightStart.AddHours(2)),
        ["modified_time"] = Utc(b.NightStart.AddHours(2)),
        ["samples"] = Array(b.BodyTemperatures.Select((t, i) => (JsonNode)new JsonObject
        {
            ["temperature_celsius"] = t, ["recording_time_delta_milliseconds"] = i * 600_000,
        })),
    };

    public static JsonObject SkinTemperature(SyntheticBiosensing b) => new()
    {
        ["sleep_time_skin_temperature_celsius"] = b.SkinTemperature,
        ["deviation_from_baseline_celsius"] = b.SkinTemperatureDeviation,
        ["sleep_date"] = Date(b.Date),
    };

    public static JsonObject SkinContacts(SyntheticBiosensing b) => new()
    {
        ["source_device_id"] = "1111AAAA",
        ["start_time"] = Utc(b.NightStart),
        ["end_time"] = Utc(b.NightStart.AddHours(8)),
        ["modified_time"] = Utc(b.NightStart.AddHours(8)),
        ["skin_contact_changes"] = new JsonArray(
            new JsonObject { ["skin_contact"] = true, ["recording_time_delta_milliseconds"] = 0 },
            new JsonObject { ["skin_contact"] = false, ["recording_time_delta_milliseconds"] = 8 * 3_600_000 }),
    };

    public static JsonObject Ecg(SyntheticBiosensing b, int offsetMinutes) => new()
    {
        ["source_device_id"] = "1111AAAA",
        ["test_time"] = b.EcgTestTime,
        ["time_zone_offset"] = offsetMinutes,
        ["average_heart_rate_bpm"] = b.EcgHr,
        ["heart_rate_variability_ms"] = b.EcgHrv,
        ["heart_rate_variability_level"] = "ECG_HRV_LEVEL_USUAL",
        ["rri_ms"] = Math.Round(60000.0 / b.EcgHr, 1),
        ["pulse_transit_time_systolic_ms"] = 100.0,
        ["pulse_transit_time_diastolic_ms"] = 100.0,
        ["pulse_transit_time_quality_index"] = 90.0,
        ["samples"] = Array(Enumerable.Range(0, 50).Select(i => (JsonNode)new JsonObject
        {
            ["recording_time_delta_ms"] = i * 8, ["amplitude_mv"] = Math.Round(Math.Sin(i / 3.0) * 0.4, 3),
        })),
        ["quality_measurements"] = new JsonArray(new JsonObject { ["recording_time_delta_ms"] = 0, ["quality_level"] = "ECG_QUALITY_HIGH" }),
    };

    public static JsonObject Spo2(SyntheticBiosensing b, int offsetMinutes) => new()
    {
        ["source_device_id"] = "1111AAAA",
        ["test_time"] = b.Spo2TestTime,
        ["time_zone_offset"] = offsetMinutes,
        ["test_status"] = "SPO2_TEST_PASSED",
        ["blood_oxygen_percent"] = b.Spo2Percent,
        ["spo2_class"] = b.Spo2Percent >= 95 ? "SPO2_CLASS_NORMAL" : "SPO2_CLASS_LOW",
        ["spo2_value_deviation_from_baseline"] = "DEVIATION_USUAL",
        ["spo2_quality_average_percent"] = 92.0,
        ["average_heart_rate_bpm"] = 58,
        ["heart_rate_variability_ms"] = 60.0,
        ["spo2_hrv_deviation_from_baseline"] = "DEVIATION_USUAL",
        ["altitude_meters"] = 25.0,
    };

    public static JsonObject PhysicalInfo(PhysicalSnapshot p) => new()
    {
        ["weight"] = p.Weight,
        ["height"] = p.Height,
        ["created"] = UtcZ(p.Created),
        ["modified"] = UtcZ(p.Modified),
        ["birthday"] = Date(p.Birthday),
        ["gender"] = p.Gender,
        ["maximum_heart_rate"] = p.MaxHr,
        ["resting_heart_rate"] = p.RestingHr,
        ["aerobic_threshold"] = p.AerobicThreshold,
        ["anaerobic_threshold"] = p.AnaerobicThreshold,
        ["vo2_max"] = p.Vo2Max,
        ["weight_source"] = "SOURCE_USER",
        ["training_background"] = "REGULAR",
        ["typical_day"] = "MOSTLY_MOVING",
        ["sleep_goal"] = Duration(p.SleepGoal),
    };

    /// <summary>Polar's error body (`error` schema).</summary>
    public static JsonObject Error(int status, string type, string message, DateTimeOffset now) => new()
    {
        ["timestamp"] = UtcZ(now), ["status"] = status, ["errorType"] = type, ["message"] = message, ["corrId"] = Guid.NewGuid().ToString(),
    };
}
