using System.Globalization;
using System.Text.Json;
using System.Buffers;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>Daily activity (summary and minute steps) and the month files of 24/7 heart rate.</summary>
public static class DailyParsers
{
    public static void Activity(string userId, JsonElement a, ExportRecords into)
    {
        var date = a.Date("date") ?? throw new JsonException("the activity file has no date");
        var day = date.ToDateTime(TimeOnly.MinValue);
        TimeSpan? Clock(string name) => a.Str("summary", name) is { } s && TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var t) ? t : null;
        // The day's summary and its minute samples are two rows; each keeps its own part of the file's JSON.
        into.Activity.Add(new DailyActivity
        {
            UserId = userId, Date = date, Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = Without(a, "samples"),
            StartTime = Clock("startTime") is { } start ? day + start : null, EndTime = Clock("endTime") is { } end ? day + end : null,
            Steps = a.Int("summary", "stepCount"), Calories = a.Int("summary", "calories"), DistanceFromSteps = a.Num("summary", "stepsDistance"),
            InactivityAlertCount = a.Int("summary", "inactivityAlertCount"),
        });

        if (a.Path("samples", "steps") is not { ValueKind: JsonValueKind.Array } steps || steps.GetArrayLength() == 0) return;
        // As AccessLink sends them: `{steps, timestamp}` a minute apart, a sample that repeats the previous one dropped.
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            int? previous = null;
            var total = 0;
            foreach (var s in steps.EnumerateArray())
            {
                if (s.Str("localTime") is not { Length: >= 5 } time || !int.TryParse(time.AsSpan(0, 2), out var h) || !int.TryParse(time.AsSpan(3, 2), out var m)
                    || s.Int("value") is not { } value) continue;
                total += value;
                if (value == previous) continue;
                previous = value;
                json.WriteStartObject();
                json.WriteNumber("steps", value);
                json.WriteString("timestamp", $"{date:yyyy-MM-dd}T{h:00}:{m:00}");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.Flush();
            into.ActivitySamples.Add(new ActivitySamples
            {
                UserId = userId, Date = date, Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson,
                ExportRaw = $"{{\"{ExportFamilies.Activity}\":{{\"samples\":{a.Path("samples")!.Value.GetRawText()}}}}}",
                StepIntervalMs = 60_000, TotalSteps = total, StepSamples = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan),
            });
        }
    }

    /// <summary>The family-keyed JSON of an object without one of its properties.</summary>
    private static string Without(JsonElement e, string property)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName(ExportFamilies.Activity);
            json.WriteStartObject();
            foreach (var p in e.EnumerateObject().Where(p => p.Name != property)) p.WriteTo(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
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
                UserId = userId, Date = date, Source = RecordSources.Export, Raw = ExportJson.NoAccessLinkJson, ExportRaw = raw,
                SampleSeconds = [.. samples.Select(x => x.Second!.Value)], HeartRates = [.. samples.Select(x => x.Bpm!.Value)],
            });
        }
    }
}
