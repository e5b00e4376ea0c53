using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.Export;

/// <summary>
/// The JSON of a Polar Flow account export, family by family, as ../shared/docs/polar-flow-export.md describes it
/// (camelCase, local times without offsets beside `timezoneOffsetMinutes`, ISO durations in the old generation).
/// </summary>
public static class FlowExportJson
{
    /// <summary>Sport catalogue ids the export uses for the athlete's sports [?: from public importers' maps].</summary>
    public static readonly IReadOnlyDictionary<string, string> SportIds = new Dictionary<string, string>
    {
        ["RUNNING"] = "1", ["CYCLING"] = "2", ["STRENGTH_TRAINING"] = "15",
    };

    /// <summary>Where a sensor dropped out: the export writes NaN there (AccessLink sends `null` at the same index).</summary>
    public const int DropoutIndex = 7;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", Inv);
    private static string Clock(TimeSpan t) => new DateTime(2000, 1, 1).Add(t).ToString("HH:mm:ss.fff", Inv);
    private static string Iso(TimeSpan t) => XmlConvert.ToString(t);
    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    /// <summary>The new generation (the v4 `TrainingSession` shape). <paramref name="nan"/> is the dropout's token placeholder.</summary>
    public static JsonObject SessionNew(SyntheticExercise e, string exportId, JsonNode nan)
    {
        var stop = e.LocalStart + e.Duration;
        var modified = (e.UploadTime.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", Inv);
        JsonArray Values(IEnumerable<JsonNode?> values) => new([.. values]);
        var samples = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "HEART_RATE", ["intervalMillis"] = e.RecordingRate * 1000,
                ["values"] = Values(e.HeartRateSamples.Select((v, i) => i == DropoutIndex ? nan.DeepClone() : JsonValue.Create(v))),
            },
        };
        if (e.SpeedSamples is not null) samples.Add(new JsonObject { ["type"] = "SPEED", ["intervalMillis"] = e.RecordingRate * 1000, ["values"] = Values(e.SpeedSamples.Select(v => (JsonNode?)JsonValue.Create(v))) });
        var json = new JsonObject
        {
            ["identifier"] = new JsonObject { ["id"] = exportId },
            ["created"] = modified, ["modified"] = modified,
            ["startTime"] = Local(e.LocalStart), ["stopTime"] = Local(stop), ["timezoneOffsetMinutes"] = e.UtcOffsetMinutes,
            ["durationMillis"] = (long)e.Duration.TotalMilliseconds, ["calories"] = e.Calories, ["hrAvg"] = e.AverageHr, ["hrMax"] = e.MaximumHr,
            ["sport"] = new JsonObject { ["id"] = SportIds[e.Sport] }, ["trainingLoad"] = e.TrainingLoad,
            ["trainingLoadReport"] = new JsonObject { ["cardioLoad"] = e.CardioLoad, ["muscleLoad"] = -1 },
            ["recoveryTimeMillis"] = "36000000", ["product"] = new JsonObject { ["modelName"] = "Polar Vantage M" },
            ["exercises"] = new JsonArray
            {
                new JsonObject
                {
                    ["identifier"] = new JsonObject { ["id"] = exportId + "-1" }, ["startTime"] = Local(e.LocalStart), ["durationMillis"] = (long)e.Duration.TotalMilliseconds,
                    ["zones"] = new JsonArray { new JsonObject { ["type"] = "ZONE_TYPE_HEART_RATE", ["zones"] = new JsonArray([.. e.Zones.Select(z => (JsonNode)new JsonObject
                        { ["lowerLimit"] = z.Lower, ["higherLimit"] = z.Upper, ["inZone"] = z.Seconds * 1000 })]) } },
                    ["samples"] = new JsonObject { ["samples"] = samples },
                },
            },
        };
        if (e.Distance is { } d) json["distanceMeters"] = d;
        return json;
    }

    /// <summary>The old generation: `exportVersion`, ISO `duration`, `loadInformation`, samples as `{dateTime, value}`.</summary>
    public static JsonObject SessionOld(SyntheticExercise e)
    {
        var json = new JsonObject
        {
            ["exportVersion"] = "1.6", ["name"] = "", ["startTime"] = Local(e.LocalStart), ["stopTime"] = Local(e.LocalStart + e.Duration),
            ["timeZoneOffset"] = e.UtcOffsetMinutes, ["duration"] = Iso(e.Duration), ["kiloCalories"] = e.Calories,
            ["averageHeartRate"] = e.AverageHr, ["maximumHeartRate"] = e.MaximumHr,
            ["loadInformation"] = new JsonObject { ["cardioLoad"] = e.CardioLoad, ["muscleLoad"] = -1 },
            ["exercises"] = new JsonArray
            {
                new JsonObject
                {
                    ["sport"] = e.Sport,
                    ["heartRate"] = new JsonObject { ["min"] = e.HeartRateSamples.Min(), ["avg"] = e.AverageHr, ["max"] = e.MaximumHr },
                    ["zones"] = new JsonObject { ["heart_rate"] = new JsonArray([.. e.Zones.Select(z => (JsonNode)new JsonObject
                        { ["lowerLimit"] = z.Lower, ["higherLimit"] = z.Upper, ["inZone"] = Iso(TimeSpan.FromSeconds(z.Seconds)), ["zoneIndex"] = z.Index })]) },
                    ["samples"] = new JsonObject
                    {
                        ["heartRate"] = new JsonArray([.. e.HeartRateSamples.Select((v, i) => (JsonNode)new JsonObject
                            { ["dateTime"] = Local(e.LocalStart.AddSeconds(i * e.RecordingRate)), ["value"] = i == DropoutIndex ? "NaN" : v })]),
                    },
                },
            },
        };
        if (e.Distance is { } d) json["distance"] = d;
        return json;
    }

    public static JsonObject Activity(SyntheticActivity a) => new()
    {
        ["exportVersion"] = "2.6", ["date"] = Date(a.Date),
        ["summary"] = new JsonObject
        {
            ["startTime"] = "00:00:00.000", ["endTime"] = "23:59:59.000", ["stepCount"] = a.Steps, ["stepsDistance"] = a.DistanceFromSteps,
            ["calories"] = a.Calories, ["inactivityAlertCount"] = a.InactivityMinutes.Count, ["sleepDuration"] = "PT0S",
            ["activityLevels"] = new JsonArray { new JsonObject { ["level"] = "CONTINUOS_MODERATE", ["duration"] = Iso(TimeSpan.FromMinutes(a.ActiveMinutes)) } },
        },
        ["samples"] = new JsonObject
        {
            ["steps"] = new JsonArray([.. a.StepsPerMinute.Select((v, m) => (JsonNode)new JsonObject { ["localTime"] = Clock(TimeSpan.FromMinutes(m)), ["value"] = v })]),
            ["mets"] = new JsonArray(), ["metSources"] = new JsonArray(""),
        },
    };

    public static JsonObject HeartRateMonth(long userId, IEnumerable<SyntheticDay> days) => new()
    {
        ["deviceDays"] = new JsonArray([.. days.Select(d => (JsonNode)new JsonObject
        {
            ["userId"] = userId, ["deviceId"] = "500AF925", ["date"] = Date(d.Date),
            ["samples"] = new JsonArray([.. d.ContinuousHeartRate.Select(s => (JsonNode)new JsonObject { ["heartRate"] = s.Bpm, ["secondsFromDayStart"] = s.Second, ["source"] = "SOURCE_MEASURED" })]),
        })]),
    };

    private static readonly string[] States = ["WAKE", "REM", "NONREM1", "NONREM2", "NONREM3", "UNKNOWN"];

    public static JsonObject SleepResult(SyntheticSleep s)
    {
        var wake = s.WakeSegmentSeconds().ToList();
        TimeSpan Sec(int seconds) => TimeSpan.FromSeconds(seconds);
        return new JsonObject
        {
            ["night"] = Date(s.Date),
            ["evaluation"] = new JsonObject
            {
                ["sleepType"] = "SLEEP_TYPE_PRIMARY", ["sleepSpan"] = Iso(s.End - s.Start), ["asleepDuration"] = Iso(Sec(s.StageSeconds(1, 2, 3, 4, 5))),
                ["analysis"] = new JsonObject { ["efficiencyPercent"] = 93.0, ["continuityIndex"] = s.Continuity, ["continuityClass"] = s.ContinuityClass },
                ["interruptions"] = new JsonObject
                {
                    ["totalDuration"] = Iso(Sec(wake.Sum())), ["totalCount"] = wake.Count,
                    ["shortDuration"] = Iso(Sec(wake.Where(w => w < 300).Sum())), ["longDuration"] = Iso(Sec(wake.Where(w => w >= 300).Sum())),
                },
                ["phaseDurations"] = new JsonObject
                {
                    ["wake"] = Iso(Sec(s.StageSeconds(0))), ["rem"] = Iso(Sec(s.StageSeconds(1))), ["light"] = Iso(Sec(s.StageSeconds(2, 3))),
                    ["deep"] = Iso(Sec(s.StageSeconds(4))), ["unknown"] = Iso(Sec(s.StageSeconds(5))),
                },
            },
            ["sleepResult"] = new JsonObject
            {
                ["hypnogram"] = new JsonObject
                {
                    ["sleepStart"] = s.Start.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", Inv), ["sleepEnd"] = s.End.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", Inv),
                    ["rating"] = s.Rating, ["sleepGoal"] = Iso(Sec(s.GoalSeconds)), ["deviceId"] = "1111AAAA", ["batteryRanOut"] = false,
                    ["sleepStateChanges"] = new JsonArray([.. s.Hypnogram.Select(h => (JsonNode)new JsonObject
                        { ["offsetFromStart"] = Iso(TimeSpan.FromMinutes(h.StartMinute)), ["state"] = States[h.Stage] })]),
                },
                ["sleepCycles"] = s.Cycles,
            },
        };
    }

    public static JsonObject SleepScore(SyntheticSleep s) => new()
    {
        ["night"] = Date(s.Date),
        ["sleepScoreResult"] = new JsonObject
        {
            ["sleepScore"] = s.Score, ["continuityScore"] = s.GroupSolidityScore,
            ["groupDurationScore"] = s.GroupDurationScore, ["groupSolidityScore"] = s.GroupSolidityScore,
            ["groupRegenerationScore"] = s.GroupRegenerationScore,
        },
    };

    public static JsonObject NightlyRecovery(SyntheticRecharge r) => new()
    {
        ["night"] = Date(r.Date), ["meanNightlyRecoveryRri"] = r.BeatToBeatAvg, ["meanNightlyRecoveryRmssd"] = r.HrvAvg,
        ["meanNightlyRecoveryRespirationInterval"] = Math.Round(60000 / r.BreathingAvg, 3), ["ansStatus"] = r.AnsCharge, ["ansRate"] = r.AnsChargeStatus,
        ["recoveryIndicator"] = r.RechargeStatus, ["recoveryIndicatorSubLevel"] = 50, ["sleepTip"] = "", ["vitalityTip"] = "", ["exerciseTip"] = "",
    };

    public static JsonObject CalendarItems(IReadOnlyList<PhysicalSnapshot> snapshots) => new()
    {
        ["physicalInformations"] = new JsonArray([.. snapshots.Select(p => (JsonNode)new JsonObject
        {
            ["dateTime"] = p.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv), ["weight"] = p.Weight, ["height"] = p.Height,
            ["birthday"] = Date(p.Birthday), ["gender"] = p.Gender, ["maximumHeartRate"] = p.MaxHr, ["restingHeartRate"] = p.RestingHr,
            ["aerobicThreshold"] = p.AerobicThreshold, ["anaerobicThreshold"] = p.AnaerobicThreshold, ["vo2Max"] = p.Vo2Max, ["sleepGoal"] = Iso(p.SleepGoal),
        })]),
        ["weights"] = new JsonArray([.. snapshots.Select(p => (JsonNode)new JsonObject { ["weight"] = p.Weight, ["date"] = Date(DateOnly.FromDateTime(p.Modified.UtcDateTime)) })]),
        ["feelings"] = new JsonArray(), ["notes"] = new JsonArray(),
    };
}
