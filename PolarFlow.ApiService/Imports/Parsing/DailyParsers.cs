using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>Daily activity (summary and minute steps) and the month files of 24/7 heart rate.</summary>
public static class DailyParsers
{
    public static void Activity(string userId, JsonElement a, ExportRecords into)
    {
        var date = a.Date("date") ?? throw new JsonException("the activity file has no date");
        var raw = ExportJson.Raw(ExportFamilies.Activity, a);
        var day = date.ToDateTime(TimeOnly.MinValue);
        TimeSpan? Clock(string name) => a.Str("summary", name) is { } s && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) ? t : null;
        into.Activity.Add(new DailyActivity
        {
            UserId = userId, Date = date, Source = RecordSources.Export, Raw = raw, ExportRaw = raw,
            StartTime = Clock("startTime") is { } start ? day + start : null, EndTime = Clock("endTime") is { } end ? day + end : null,
            Steps = a.Int("summary", "stepCount"), Calories = a.Int("summary", "calories"), DistanceFromSteps = a.Num("summary", "stepsDistance"),
            InactivityAlertCount = a.Int("summary", "inactivityAlertCount"),
        });

        if (a.Path("samples", "steps") is not { ValueKind: JsonValueKind.Array } steps || steps.GetArrayLength() == 0) return;
        // As AccessLink sends them: `{steps, timestamp}` a minute apart, a sample that repeats the previous one dropped.
        var samples = new JsonArray();
        int? previous = null;
        var total = 0;
        foreach (var s in steps.EnumerateArray())
        {
            if (s.Str("localTime") is not { } time || !TimeSpan.TryParse(time, CultureInfo.InvariantCulture, out var at) || s.Int("value") is not { } value) continue;
            total += value;
            if (value == previous) continue;
            previous = value;
            samples.Add(new JsonObject { ["steps"] = value, ["timestamp"] = (day + at).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) });
        }
        into.ActivitySamples.Add(new ActivitySamples
        {
            UserId = userId, Date = date, Source = RecordSources.Export, Raw = raw, ExportRaw = raw, StepIntervalMs = 60_000, TotalSteps = total,
            StepSamples = samples.ToJsonString(),
        });
    }

    public static void HeartRateMonth(string userId, JsonElement month, ExportRecords into)
    {
        if (month.Path("deviceDays") is not { ValueKind: JsonValueKind.Array } days) throw new JsonException("the 24/7 heart-rate file has no deviceDays");
        foreach (var day in days.EnumerateArray())
        {
            var date = day.Date("date") ?? throw new JsonException("a 24/7 heart-rate day has no date");
            var samples = day.Path("samples") is { ValueKind: JsonValueKind.Array } s
                ? s.EnumerateArray().Select(x => (Second: x.Int("secondsFromDayStart"), Bpm: x.Int("heartRate"))).Where(x => x.Second is not null && x.Bpm is not null).OrderBy(x => x.Second).ToList()
                : [];
            var raw = ExportJson.Raw(ExportFamilies.HeartRate, day);
            into.HeartRate.Add(new ContinuousHeartRateDay
            {
                UserId = userId, Date = date, Source = RecordSources.Export, Raw = raw, ExportRaw = raw,
                SampleSeconds = [.. samples.Select(x => x.Second!.Value)], HeartRates = [.. samples.Select(x => x.Bpm!.Value)],
            });
        }
    }
}
