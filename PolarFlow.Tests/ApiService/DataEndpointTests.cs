using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>Every data endpoint serves what the real SyncWorker stored from the emulator.</summary>
public sealed class DataEndpointTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EveryDataEndpointServesWhatTheSyncStored()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        await using (var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N")))
        {
            var synced = await worker.ConnectAsync(polar, "synced-user");
            await worker.EnqueueAsync(synced);
            await worker.DrainAsync();
        }
        using var admin = api.CreateAdminClient();
        const string u = "/api/v1/users/synced-user";
        await using var db = api.Database.CreateDbContext();

        async Task<JsonElement> Get(string path)
        {
            var response = await admin.GetAsync(u + path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        int Count(JsonElement list) => list.GetProperty("count").GetInt32();

        Assert.Equal(await db.Sleep.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/sleep?days=60")));
        Assert.Equal(await db.NightlyRecharge.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/nightly-recharge?days=60")));
        var activity = await Get("/activity?days=60");
        Assert.Equal(await db.DailyActivity.CountAsync(s => s.UserId == "synced-user"), Count(activity));
        var day = activity.GetProperty("items")[0].GetProperty("date").GetString();
        Assert.Equal(activity.GetProperty("items")[0].GetProperty("steps").GetInt32(), (await Get($"/activity/{day}")).GetProperty("steps").GetInt32());
        Assert.Equal(JsonValueKind.Array, (await Get($"/activity/{day}/samples")).GetProperty("steps").ValueKind);

        var exercises = await Get("/exercises?days=60");
        Assert.Equal(await db.Exercises.CountAsync(s => s.UserId == "synced-user"), Count(exercises));
        var run = exercises.GetProperty("items").EnumerateArray().First(e => e.GetProperty("sport").GetString() == "RUNNING").GetProperty("id").GetString();
        Assert.Equal(5, (await Get($"/exercises/{run}")).GetProperty("heartRateZones").GetArrayLength());
        var hr = (await Get($"/exercises/{run}/samples?type=0"))[0];
        Assert.Equal(hr.GetProperty("count").GetInt32(), hr.GetProperty("values").GetArrayLength());
        Assert.True((await Get($"/exercises/{run}/route")).GetProperty("pointCount").GetInt32() > 100);

        var heartRate = await Get("/heart-rate?days=7");
        Assert.InRange(Count(heartRate), 6, 7);
        var hrDay = heartRate.GetProperty("items")[0].GetProperty("date").GetString();
        Assert.InRange((await Get($"/heart-rate/{hrDay}")).GetProperty("count").GetInt32(), 250, 300);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(u + "/heart-rate?days=40")).StatusCode); // a large series is asked for in pieces

        Assert.Equal(await db.CardioLoad.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/cardio-load?days=200")));
        Assert.Equal(await db.SleepWiseAlertness.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/sleepwise/alertness?days=60")));
        Assert.Equal(await db.SleepWiseBedtime.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/sleepwise/bedtime?days=60")));
        Assert.Equal(await db.Spo2Tests.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/biosensing/spo2?days=60")));
        var ecg = await Get("/biosensing/ecg?days=60");
        Assert.Equal(await db.EcgTests.CountAsync(s => s.UserId == "synced-user"), Count(ecg));
        var ecgId = ecg.GetProperty("items")[0].GetProperty("testTime").GetInt64();
        Assert.Equal(50, (await Get($"/biosensing/ecg/{ecgId}")).GetProperty("samples").GetArrayLength());
        Assert.Equal(await db.BodyTemperature.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/biosensing/body-temperature?days=60")));
        Assert.Equal(await db.SkinTemperature.CountAsync(s => s.UserId == "synced-user"), Count(await Get("/biosensing/skin-temperature?days=60")));
        var physical = await Get("/physical-info");
        var latestWeight = await db.PhysicalInfo.Where(p => p.UserId == "synced-user").OrderByDescending(p => p.ModifiedAt).Select(p => p.Weight).FirstAsync();
        Assert.Equal(latestWeight, physical.GetProperty("latest").GetProperty("weight").GetDouble());

        // CSV exports: a header and one row per record (per sample for heart rate); no field here can hold a newline.
        foreach (var (type, expected) in new[] {
            ("sleep", await db.Sleep.CountAsync(s => s.UserId == "synced-user")),
            ("nightly-recharge", await db.NightlyRecharge.CountAsync(s => s.UserId == "synced-user")),
            ("activity", await db.DailyActivity.CountAsync(s => s.UserId == "synced-user")),
            ("exercises", await db.Exercises.CountAsync(s => s.UserId == "synced-user")),
            ("cardio-load", await db.CardioLoad.CountAsync(s => s.UserId == "synced-user" && s.Date >= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-59))),
            ("heart-rate", (await db.ContinuousHeartRate.Where(s => s.UserId == "synced-user").Select(s => s.HeartRates.Length).ToListAsync()).Sum()) })
        {
            var response = await admin.GetAsync($"{u}/export/{type}.csv?days=60");
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(expected == rows - 1, $"{type}.csv: {rows - 1} rows, expected {expected}");
        }
        // The other types over the whole history; a series is one row per element of its stored JSON array.
        static int Elements(string? json) => json is null ? 0 : JsonDocument.Parse(json).RootElement.GetArrayLength();
        var me = "synced-user";
        foreach (var (type, expected) in new[] {
            ("activity-samples", (await db.ActivitySamples.Where(s => s.UserId == me).Select(s => s.StepSamples).ToListAsync()).Sum(Elements)),
            ("exercise-samples", (await db.ExerciseSamples.Where(s => s.UserId == me).Select(s => s.Data).ToListAsync()).Sum(d => d.Split(',').Length)),
            ("exercise-routes", await db.ExerciseRoutes.Where(s => s.UserId == me).SumAsync(r => r.PointCount)),
            ("sleepwise-alertness", await db.SleepWiseAlertness.CountAsync(s => s.UserId == me)),
            ("sleepwise-bedtime", await db.SleepWiseBedtime.CountAsync(s => s.UserId == me)),
            ("body-temperature", (await db.BodyTemperature.Where(s => s.UserId == me).Select(s => s.Samples).ToListAsync()).Sum(Elements)),
            ("skin-temperature", await db.SkinTemperature.CountAsync(s => s.UserId == me)),
            ("skin-contact", (await db.SkinContacts.Where(s => s.UserId == me).Select(s => s.SkinContactChanges).ToListAsync()).Sum(Elements)),
            ("ecg", await db.EcgTests.CountAsync(s => s.UserId == me)),
            ("spo2", await db.Spo2Tests.CountAsync(s => s.UserId == me)),
            ("physical-info", await db.PhysicalInfo.CountAsync(s => s.UserId == me)) })
        {
            var text = await admin.GetStringAsync($"{u}/export/{type}.csv?days=3650");
            var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(expected > 0, $"{type}: nothing stored to export");
            Assert.True(expected == rows.Length - 1, $"{type}.csv: {rows.Length - 1} rows, expected {expected}");
            Assert.DoesNotContain(",,,,,,", rows[1]); // a row carries values, not only empty columns
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{u}/export/steps.csv")).StatusCode);
        var sleepCsv = (await admin.GetStringAsync($"{u}/export/sleep.csv?days=60")).Split('\n');
        Assert.StartsWith("Date,SleepStartTime,SleepEndTime,", sleepCsv[0]);
        Assert.Matches(@"^\d{4}-\d\d-\d\d,", sleepCsv[1]);

        var user = await Get("");
        Assert.Equal("Connected", user.GetProperty("connectionState").GetString());
        Assert.NotEqual(JsonValueKind.Null, user.GetProperty("firstDate").ValueKind);
    }

    [Fact]
    public async Task DeletingAUserErasesEveryRowAndDeRegistersThemAtPolar()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        await using (var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N")))
        {
            await worker.ConnectAsync(polar, "leaving-user");
            await worker.EnqueueAsync("leaving-user");
            await worker.DrainAsync();
        }
        using var admin = api.CreateAdminClient();

        var deleted = await admin.DeleteAsync("/api/v1/users/leaving-user");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await using var db = api.Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(x => x.UserId == "leaving-user"));
        Assert.False(await db.Sleep.AnyAsync(x => x.UserId == "leaving-user"));
        Assert.False(await db.ExerciseSamples.AnyAsync(x => x.UserId == "leaving-user"));
        Assert.False(await db.SyncJobs.AnyAsync(x => x.UserId == "leaving-user"));
        var revoked = await Assert.ThrowsAsync<PolarFlow.AccessLink.AccessLinkException>(() => api.Emulator.Client().ListSleepAsync(polar.AccessToken));
        Assert.Equal(PolarFlow.AccessLink.AccessLinkErrorKind.TokenRevoked, revoked.Kind);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/users/leaving-user")).StatusCode);
    }

    [Fact]
    public async Task DeletingAUserWhileTheirSyncRunsLeavesNoRowsBehind()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        await using var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        await worker.ConnectAsync(polar, "deleted-mid-sync");
        await worker.EnqueueAsync("deleted-mid-sync");
        await api.Emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { LatencyMilliseconds = 150 }); // a slow Polar: the job takes seconds
        try
        {
            var running = worker.Runner.RunNextAsync("slow-worker", CancellationToken.None);
            for (var i = 0; i < 100 && !worker.CallsByToken.ContainsKey(polar.AccessToken); i++) await Task.Delay(50);
            await Task.Delay(500); // some steps have written by now

            using var admin = api.CreateAdminClient();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/users/deleted-mid-sync")).StatusCode);
            await running; // the rest of the job finds its user gone: its writes fail, nothing is left behind
        }
        finally
        {
            await api.Emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { });
        }

        await using var db = api.Database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(x => x.UserId == "deleted-mid-sync"));
        Assert.False(await db.Sleep.AnyAsync(x => x.UserId == "deleted-mid-sync"));
        Assert.False(await db.DailyActivity.AnyAsync(x => x.UserId == "deleted-mid-sync"));
        Assert.False(await db.Exercises.AnyAsync(x => x.UserId == "deleted-mid-sync"));
        Assert.False(await db.SyncCursors.AnyAsync(x => x.UserId == "deleted-mid-sync"));
        Assert.False(await db.SyncJobs.AnyAsync(x => x.UserId == "deleted-mid-sync"));
    }
}
