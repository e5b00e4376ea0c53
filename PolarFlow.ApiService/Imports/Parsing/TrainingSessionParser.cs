using System.Globalization;
using System.Text.Json;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// A training-session file of either generation, told apart by content: `identifier` + `durationMillis` is the new
/// (v4 `TrainingSession`) shape, `exportVersion` + `duration` the old. The exercise id is provisional
/// (`export-…`); the writer swaps in the id of an AccessLink exercise with the same start and duration.
/// </summary>
public static class TrainingSessionParser
{
    /// <summary>Polar sample type codes as the sync stores them.</summary>
    private static readonly Dictionary<string, int> SampleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HEART_RATE"] = 0, ["SPEED"] = 1, ["CADENCE"] = 2, ["ALTITUDE"] = 3, ["POWER"] = 4, ["TEMPERATURE"] = 9, ["DISTANCE"] = 10,
    };

    /// <summary>Sport catalogue ids seen in exports [?: from public importers' maps; unknown ids stay `SPORT_{id}`].</summary>
    private static readonly Dictionary<string, string> Sports = new()
    {
        ["1"] = "RUNNING", ["2"] = "CYCLING", ["3"] = "WALKING", ["15"] = "STRENGTH_TRAINING",
    };

    public static void Parse(string userId, JsonElement root, ExportRecords into)
    {
        if (root.Path("identifier") is not null || root.Path("durationMillis") is not null) ParseNew(userId, root, into);
        else if (root.Path("exportVersion") is not null || root.Path("duration") is not null) ParseOld(userId, root, into);
        else throw new JsonException("neither generation of training session: no identifier/durationMillis nor exportVersion/duration");
    }

    private static void ParseNew(string userId, JsonElement s, ExportRecords into)
    {
        var start = s.LocalTime("startTime") ?? throw new JsonException("the session has no startTime");
        var offset = s.Int("timezoneOffsetMinutes") ?? 0;
        var duration = s.Num("durationMillis") is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        var sport = s.Str("sport", "id") is { } id ? Sports.GetValueOrDefault(id, "SPORT_" + id) : null;
        var exercise = Exercise(userId, ProvisionalId(s.Str("identifier", "id"), start, offset), s, start, offset, duration);
        exercise.Calories = s.Int("calories");
        exercise.Distance = s.Num("distanceMeters");
        exercise.HeartRateAverage = s.Int("hrAvg");
        exercise.HeartRateMaximum = s.Int("hrMax");
        exercise.TrainingLoad = s.Load("trainingLoad");
        exercise.CardioLoad = s.Load("trainingLoadReport", "cardioLoad");
        exercise.MuscleLoad = s.Load("trainingLoadReport", "muscleLoad");
        exercise.Sport = sport;
        exercise.DetailedSportInfo = sport;
        exercise.Device = s.Str("product", "modelName");
        into.Exercises.Add(exercise);

        if (s.Path("exercises") is not { ValueKind: JsonValueKind.Array } parts || parts.GetArrayLength() == 0) return;
        if (parts[0].Path("samples", "samples") is not { ValueKind: JsonValueKind.Array } series) return;
        foreach (var sample in series.EnumerateArray())
        {
            if (sample.Str("type") is not { } type || !SampleTypes.TryGetValue(type, out var code) || sample.Path("values") is not { ValueKind: JsonValueKind.Array } values) continue;
            into.ExerciseSamples.Add(Sample(exercise, code, sample.Int("intervalMillis") / 1000, values.EnumerateArray().Select(ExportJson.Number)));
        }
    }

    private static void ParseOld(string userId, JsonElement s, ExportRecords into)
    {
        var start = s.LocalTime("startTime") ?? throw new JsonException("the session has no startTime");
        var offset = s.Int("timeZoneOffset") ?? 0;
        var part = s.Path("exercises") is { ValueKind: JsonValueKind.Array } parts && parts.GetArrayLength() > 0 ? parts[0] : (JsonElement?)null;
        var exercise = Exercise(userId, ProvisionalId(null, start, offset), s, start, offset, s.Duration("duration"));
        exercise.Calories = s.Int("kiloCalories");
        exercise.Distance = s.Num("distance");
        exercise.HeartRateAverage = s.Int("averageHeartRate") ?? part?.Int("heartRate", "avg");
        exercise.HeartRateMaximum = s.Int("maximumHeartRate") ?? part?.Int("heartRate", "max");
        exercise.CardioLoad = s.Load("loadInformation", "cardioLoad");
        exercise.MuscleLoad = s.Load("loadInformation", "muscleLoad");
        exercise.Sport = part?.Str("sport");
        exercise.DetailedSportInfo = exercise.Sport;
        into.Exercises.Add(exercise);

        if (part?.Path("samples", "heartRate") is not { ValueKind: JsonValueKind.Array } hr || hr.GetArrayLength() == 0) return;
        var points = hr.EnumerateArray().ToList();
        int? rate = points.Count > 1 && points[0].LocalTime("dateTime") is { } a && points[1].LocalTime("dateTime") is { } b ? (int)(b - a).TotalSeconds : null;
        into.ExerciseSamples.Add(Sample(exercise, 0, rate, points.Select(p => p.Num("value"))));
    }

    private static Exercise Exercise(string userId, string id, JsonElement s, DateTime start, int offset, TimeSpan? duration)
    {
        var raw = ExportJson.Raw(ExportFamilies.TrainingSession, s);
        return new Exercise
        {
            UserId = userId, ExerciseId = id, Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw,
            StartTime = start, StartTimeUtcOffsetMinutes = offset, Duration = duration, HasRoute = false,
        };
    }

    private static ExerciseSample Sample(Exercise exercise, int type, int? rate, IEnumerable<double?> values)
    {
        var data = string.Join(',', values.Select(v => v is { } d ? d.ToString(CultureInfo.InvariantCulture) : "null"));
        return new ExerciseSample
        {
            UserId = exercise.UserId, ExerciseId = exercise.ExerciseId, SampleType = type, RecordingRate = rate, Data = data,
            Source = RecordSources.Export, Raw = "{}", ExportRaw = null,
        };
    }

    /// <summary>The export's own id when it has one, else the UTC start; prefixed so it never meets a Polar id.</summary>
    public static string ProvisionalId(string? exportId, DateTime localStart, int offsetMinutes) =>
        ExerciseMatch.ExportIdPrefix + (exportId ?? (localStart - TimeSpan.FromMinutes(offsetMinutes)).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture));
}
