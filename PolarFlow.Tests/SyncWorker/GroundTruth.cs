using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.Tests.SyncWorker;

/// <summary>Compares what the sync stored with the emulator's ground truth, record by record, Polar's JSON field by field.</summary>
public static class GroundTruth
{
    public static async Task AssertStoredAsync(PolarFlowDbContext db, string userId, JsonElement truth)
    {
        Same("sleep", Keyed(truth, "sleep", "date"), await db.Sleep.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.Date), x => x.Raw));
        Same("nightly_recharge", Keyed(truth, "nightly_recharge", "date"), await db.NightlyRecharge.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.Date), x => x.Raw));
        Same("activities", truth.GetProperty("activity_samples").EnumerateArray().Zip(truth.GetProperty("activities").EnumerateArray())
                .ToDictionary(p => p.First.GetProperty("date").GetString()!, p => Merge(p.Second, p.First)),
            await db.DailyActivity.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.Date), x => x.Raw));
        Same("activity_samples", Keyed(truth, "activity_samples", "date"), await db.ActivitySamples.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.Date), x => x.Raw));
        Same("exercises", Keyed(truth, "exercises", "id"), await db.Exercises.Where(x => x.UserId == userId).ToDictionaryAsync(x => x.ExerciseId, x => x.Raw));
        Same("continuous_heart_rate", Keyed(truth, "continuous_heart_rate", "date"), await db.ContinuousHeartRate.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.Date), x => x.Raw));
        Same("cardio_load", Keyed(truth, "cardio_load", "date"), await db.CardioLoad.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.Date), x => x.Raw));
        Same("skin_temperature", Keyed(truth, "skin_temperature", "sleep_date"), await db.SkinTemperature.Where(x => x.UserId == userId).ToDictionaryAsync(x => Iso(x.SleepDate), x => x.Raw));
        Same("ecg", Keyed(truth, "ecg", "test_time"), await db.EcgTests.Where(x => x.UserId == userId).ToDictionaryAsync(x => x.TestTime.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.Raw));
        Same("spo2", Keyed(truth, "spo2", "test_time"), await db.Spo2Tests.Where(x => x.UserId == userId).ToDictionaryAsync(x => x.TestTime.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.Raw));
        Same("sleepwise_alertness", Keyed(truth, "sleepwise_alertness", "period_start_time"), await db.SleepWiseAlertness.Where(x => x.UserId == userId).ToDictionaryAsync(x => Key(x.Raw, "period_start_time"), x => x.Raw));
        Same("sleepwise_bedtime", Keyed(truth, "sleepwise_bedtime", "period_start_time"), await db.SleepWiseBedtime.Where(x => x.UserId == userId).ToDictionaryAsync(x => Key(x.Raw, "period_start_time"), x => x.Raw));
        Same("body_temperature", Keyed(truth, "body_temperature", "start_time"), await db.BodyTemperature.Where(x => x.UserId == userId).ToDictionaryAsync(x => Key(x.Raw, "start_time"), x => x.Raw));
        Same("skin_contacts", Keyed(truth, "skin_contacts", "start_time"), await db.SkinContacts.Where(x => x.UserId == userId).ToDictionaryAsync(x => Key(x.Raw, "start_time"), x => x.Raw));

        // The v3 endpoint serves the latest physical information; each version seen over time is kept.
        var latest = truth.GetProperty("physical_info").EnumerateArray().Last();
        var stored = await db.PhysicalInfo.Where(x => x.UserId == userId).OrderByDescending(x => x.ModifiedAt).Select(x => x.Raw).FirstAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(latest.GetRawText()), JsonNode.Parse(stored)), "physical_info differs");

        // Every sample series and route of every exercise, in their own tables too.
        foreach (var exercise in truth.GetProperty("exercises").EnumerateArray())
        {
            var id = exercise.GetProperty("id").GetString()!;
            var series = exercise.GetProperty("samples").GetArrayLength();
            Assert.Equal(series, await db.ExerciseSamples.CountAsync(x => x.UserId == userId && x.ExerciseId == id));
            var hasRoute = exercise.TryGetProperty("route", out var route);
            Assert.Equal(hasRoute ? route.GetArrayLength() : 0,
                await db.ExerciseRoutes.Where(x => x.UserId == userId && x.ExerciseId == id).Select(x => x.PointCount).SingleOrDefaultAsync());

            // Its three original files: FIT and TCX always, GPX only with GPS (Polar answers 204 without, kept as absent).
            var files = await db.ExerciseFiles.Where(f => f.UserId == userId && f.ExerciseId == id && f.Source == RecordSources.AccessLink)
                .OrderBy(f => f.Format).Select(f => $"{f.Format}:{f.Status}").ToListAsync();
            Assert.Equal([$"fit:{ExerciseFileStatus.Stored}", $"gpx:{(hasRoute ? ExerciseFileStatus.Stored : ExerciseFileStatus.Absent)}",
                $"tcx:{ExerciseFileStatus.Stored}"], files);
            var contents = await db.ExerciseFileContents.CountAsync(c => c.UserId == userId && c.ExerciseId == id && c.Source == RecordSources.AccessLink);
            Assert.Equal(hasRoute ? 3 : 2, contents);
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Key(string raw, string property) => JsonDocument.Parse(raw).RootElement.GetProperty(property).ToString();

    private static Dictionary<string, string> Keyed(JsonElement truth, string array, string key) =>
        truth.GetProperty(array).EnumerateArray().ToDictionary(e => e.GetProperty(key).ToString(), e => e.GetRawText());

    /// <summary>The daily summary as the sync fetches it: with its samples inside (one call gives both).</summary>
    private static string Merge(JsonElement summary, JsonElement samples)
    {
        var node = JsonNode.Parse(summary.GetRawText())!.AsObject();
        node["samples"] = JsonNode.Parse(samples.GetRawText());
        return node.ToJsonString();
    }

    private static void Same(string what, Dictionary<string, string> expected, Dictionary<string, string> stored)
    {
        Assert.True(expected.Count > 0, $"the ground truth has no {what}");
        Assert.True(expected.Keys.Order().SequenceEqual(stored.Keys.Order()),
            $"{what}: expected {expected.Count} records, stored {stored.Count}; missing {string.Join(", ", expected.Keys.Except(stored.Keys).Take(5))}; extra {string.Join(", ", stored.Keys.Except(expected.Keys).Take(5))}");
        foreach (var (key, json) in expected)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(stored[key])), $"{what} {key}: stored JSON differs from Polar's");
        }
    }
}
