using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// The sleep files (`sleep_result`, `sleep_score`: one element per night) and Nightly Recharge (`nightly_recovery`).
/// `night` is taken as the wake-up date, AccessLink's `date` for the same night. A sleep score and a sleep result
/// are two rows for one night; the writer's fill-the-gaps upsert makes them one.
/// </summary>
public static class SleepParsers
{
    /// <summary>Export states → AccessLink hypnogram codes (0 wake, 1 REM, 2 lighter non-REM, 3 light non-REM, 4 deep, 5 unknown).</summary>
    private static readonly Dictionary<string, int> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["WAKE"] = 0, ["REM"] = 1, ["NONREM1"] = 2, ["NONREM2"] = 3, ["NONREM3"] = 4, ["UNKNOWN"] = 5,
    };

    public static SleepNight Result(string userId, JsonElement n)
    {
        var raw = ExportJson.Raw(ExportFamilies.SleepResult, n);
        var start = n.Instant("sleepResult", "hypnogram", "sleepStart");
        int? Seconds(params string[] path) => n.Duration(path) is { } t ? (int)t.TotalSeconds : null;
        JsonObject? hypnogram = null;
        if (start is { } s && n.Path("sleepResult", "hypnogram", "sleepStateChanges") is { ValueKind: JsonValueKind.Array } changes)
        {
            hypnogram = [];
            foreach (var change in changes.EnumerateArray())
            {
                if (change.Duration("offsetFromStart") is not { } offset || change.Str("state") is not { } state || !States.TryGetValue(state, out var code)) continue;
                hypnogram[(s + offset).ToString("HH:mm", CultureInfo.InvariantCulture)] = code;
            }
        }
        var end = n.Instant("sleepResult", "hypnogram", "sleepEnd");
        return new SleepNight
        {
            UserId = userId, Date = n.Date("night") ?? throw new JsonException("a sleep result has no night"), Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw,
            SleepStartTime = start, SleepEndTime = end,
            SleepStartOffsetMinutes = (int?)start?.Offset.TotalMinutes, SleepEndOffsetMinutes = (int?)end?.Offset.TotalMinutes,
            DeviceId = n.Str("sleepResult", "hypnogram", "deviceId"),
            Continuity = n.Num("evaluation", "analysis", "continuityIndex"), ContinuityClass = n.Int("evaluation", "analysis", "continuityClass"),
            LightSleep = Seconds("evaluation", "phaseDurations", "light"), DeepSleep = Seconds("evaluation", "phaseDurations", "deep"),
            RemSleep = Seconds("evaluation", "phaseDurations", "rem"), UnrecognizedSleepStage = Seconds("evaluation", "phaseDurations", "unknown"),
            TotalInterruptionDuration = Seconds("evaluation", "interruptions", "totalDuration"),
            ShortInterruptionDuration = Seconds("evaluation", "interruptions", "shortDuration"),
            LongInterruptionDuration = Seconds("evaluation", "interruptions", "longDuration"),
            SleepGoal = Seconds("sleepResult", "hypnogram", "sleepGoal"), SleepRating = n.Int("sleepResult", "hypnogram", "rating"),
            SleepCycles = n.Int("sleepResult", "sleepCycles"), Hypnogram = hypnogram?.ToJsonString(),
        };
    }

    public static SleepNight Score(string userId, JsonElement n)
    {
        var raw = ExportJson.Raw(ExportFamilies.SleepScore, n);
        return new SleepNight
        {
            UserId = userId, Date = n.Date("night") ?? throw new JsonException("a sleep score has no night"), Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw,
            SleepScore = n.Int("sleepScoreResult", "sleepScore"), GroupDurationScore = n.Num("sleepScoreResult", "groupDurationScore"),
            GroupSolidityScore = n.Num("sleepScoreResult", "groupSolidityScore"), GroupRegenerationScore = n.Num("sleepScoreResult", "groupRegenerationScore"),
        };
    }

    /// <summary>Mean RR interval (ms) → heart rate 60000/RRI; respiration interval (ms a breath) → breaths a minute.</summary>
    public static Data.Entities.NightlyRecharge Recovery(string userId, JsonElement n)
    {
        var raw = ExportJson.Raw(ExportFamilies.NightlyRecovery, n);
        var rri = n.Num("meanNightlyRecoveryRri");
        var respiration = n.Num("meanNightlyRecoveryRespirationInterval");
        return new Data.Entities.NightlyRecharge
        {
            UserId = userId, Date = n.Date("night") ?? throw new JsonException("a nightly recovery has no night"), Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw,
            BeatToBeatAvg = rri is { } r ? (int)Math.Round(r) : null, HeartRateAvg = rri is > 0 ? (int)Math.Round(60000 / rri.Value) : null,
            HeartRateVariabilityAvg = n.Int("meanNightlyRecoveryRmssd"), BreathingRateAvg = respiration is > 0 ? Math.Round(60000 / respiration.Value, 1) : null,
            AnsCharge = n.Num("ansStatus"), AnsChargeStatus = n.Int("ansRate"), NightlyRechargeStatus = n.Int("recoveryIndicator"),
        };
    }
}
