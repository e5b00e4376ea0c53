using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.ApiService.Imports;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>Athletes with three years of life: Polar's API shows the last 28-30 days, the export all of it.</summary>
public sealed class ThreeYearApiFactory() : ApiFactory(historyDays: 3 * 365);

/// <summary>
/// A user synced through the API (the real SyncWorker, Polar's windows) who then imports a three-year export of
/// both training-session generations: every ground-truth record exactly once, with provenance, and the analytics
/// over all three years.
/// </summary>
public sealed class HistoryImportTests(ThreeYearApiFactory api) : IClassFixture<ThreeYearApiFactory>
{
    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task AThreeYearExportAndTheSyncedDaysBecomeOneRecordEachAndTheAnalyticsCoverAllOfIt()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 28);
        string userId;
        await using (var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N")))
        {
            userId = await worker.ConnectAsync(polar);
            await worker.EnqueueAsync(userId);
            await worker.DrainAsync();
        }
        await using var db = api.Database.CreateDbContext();
        var syncedNights = await db.Sleep.Where(s => s.UserId == userId).Select(s => s.Date).ToListAsync();
        var syncedExercises = await db.Exercises.Where(e => e.UserId == userId).Select(e => e.ExerciseId).ToListAsync();
        var versionBefore = (await db.Users.SingleAsync(u => u.UserId == userId)).DataVersion;
        Assert.InRange(syncedNights.Count, 20, 40); // the API's window, not the three years
        using var admin = api.CreateAdminClient();
        var zip = await ImportSupport.ExportAsync(api.Emulator, polar.PolarUserId, "mixed");

        var import = await ImportSupport.ImportAsync(admin, userId, zip);

        Assert.True(import.GetProperty("status").GetString() == "Succeeded", import.ToString());
        Assert.Equal(import.GetProperty("filesTotal").GetInt32(), import.GetProperty("filesDone").GetInt32());
        Assert.Equal(2, import.GetProperty("skippedByFamily").GetProperty("account").GetInt32()); // the profile and the devices
        var truth = await api.Emulator.TruthAsync(polar.PolarUserId);
        db.ChangeTracker.Clear();

        // Nights, recharges, activity days and heart-rate days: every date exactly once (the table keys say at most
        // once; equal counts and sets say exactly once), the synced ones now known to both sources.
        async Task SameDates<T>(IQueryable<T> rows, Func<T, DateOnly> date, Func<T, (string Source, string? ExportRaw)> provenance, string truthKey)
        {
            var stored = (await rows.ToListAsync()).Select(r => (Date: date(r), Provenance: provenance(r))).ToList();
            // Polar's activity summary has no date of its own: its start time's day is the date.
            var expected = truth.GetProperty(truthKey).EnumerateArray()
                .Select(e => e.TryGetProperty("date", out var d) ? Date(d) : DateOnly.FromDateTime(DateTime.Parse(e.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(expected.Order(), stored.Select(s => s.Date).Order());
            Assert.All(stored, s => Assert.NotNull(s.Provenance.ExportRaw));
            Assert.Contains(stored, s => s.Provenance.Source == RecordSources.AccessLink);
            Assert.Contains(stored, s => s.Provenance.Source == RecordSources.Export);
        }
        await SameDates(db.Sleep.Where(s => s.UserId == userId), s => s.Date, s => (s.Source, s.ExportRaw), "sleep");
        await SameDates(db.NightlyRecharge.Where(s => s.UserId == userId), s => s.Date, s => (s.Source, s.ExportRaw), "nightly_recharge");
        await SameDates(db.DailyActivity.Where(s => s.UserId == userId), s => s.Date, s => (s.Source, s.ExportRaw), "activities");
        await SameDates(db.ContinuousHeartRate.Where(s => s.UserId == userId), s => s.Date, s => (s.Source, s.ExportRaw), "continuous_heart_rate");
        var sleep = await db.Sleep.Where(s => s.UserId == userId).ToDictionaryAsync(s => s.Date);
        Assert.All(syncedNights, d => Assert.Equal(RecordSources.AccessLink, sleep[d].Source)); // AccessLink's rows keep AccessLink's values
        foreach (var night in truth.GetProperty("sleep").EnumerateArray())
        {
            var stored = sleep[Date(night.GetProperty("date"))];
            Assert.Equal(night.GetProperty("sleep_score").GetInt32(), stored.SleepScore);
            Assert.Equal(night.GetProperty("light_sleep").GetInt32(), stored.LightSleep);
            Assert.Equal(DateTimeOffset.Parse(night.GetProperty("sleep_start_time").GetString()!, CultureInfo.InvariantCulture), stored.SleepStartTime);
        }
        var recharge = await db.NightlyRecharge.Where(s => s.UserId == userId).ToDictionaryAsync(s => s.Date);
        foreach (var night in truth.GetProperty("nightly_recharge").EnumerateArray())
        {
            var stored = recharge[Date(night.GetProperty("date"))];
            Assert.Equal((night.GetProperty("heart_rate_variability_avg").GetInt32(), night.GetProperty("heart_rate_avg").GetInt32(), night.GetProperty("breathing_rate_avg").GetDouble()),
                (stored.HeartRateVariabilityAvg!.Value, stored.HeartRateAvg!.Value, stored.BreathingRateAvg!.Value));
        }

        // Exercises: each of the truth's sessions is one row, matched on its UTC start; the synced ones kept Polar's id.
        var exercises = await db.Exercises.Where(e => e.UserId == userId).ToListAsync();
        var expectedExercises = truth.GetProperty("exercises").EnumerateArray().ToList();
        Assert.Equal(expectedExercises.Count, exercises.Count);
        foreach (var e in expectedExercises)
        {
            var start = DateTime.Parse(e.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture);
            var stored = Assert.Single(exercises, x => x.StartTime == start);
            Assert.Equal(syncedExercises.Contains(e.GetProperty("id").GetString()!) ? e.GetProperty("id").GetString() : stored.ExerciseId, stored.ExerciseId);
            Assert.NotNull(stored.ExportRaw);
        }
        Assert.All(syncedExercises, id => Assert.Equal(RecordSources.AccessLink, exercises.Single(x => x.ExerciseId == id).Source));
        var physical = await db.PhysicalInfo.Where(p => p.UserId == userId).ToListAsync();
        Assert.Equal(truth.GetProperty("physical_info").GetArrayLength(), physical.Count);

        // The data version moved, and the analytics reach back over the imported years.
        Assert.True((await db.Users.SingleAsync(u => u.UserId == userId)).DataVersion > versionBefore);
        var today = Date(truth.GetProperty("today"));
        var firstDay = Date(truth.GetProperty("first_day"));
        var hrv = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/analytics/hrv?as_of={firstDay.AddDays(400):yyyy-MM-dd}&days=1")).GetProperty("result").GetProperty("today");
        Assert.Equal("ok", hrv.GetProperty("status").GetString());
        var load = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/analytics/training-load?as_of={today:yyyy-MM-dd}&days=1")).GetProperty("result");
        Assert.True(load.GetProperty("daysUsed").GetInt32() >= today.DayNumber - firstDay.DayNumber - 7, load.ToString());

        // The same ZIP again: read in full, nothing changes, and the import says which one it repeats.
        var again = await ImportSupport.ImportAsync(admin, userId, zip);
        Assert.Equal("Succeeded", again.GetProperty("status").GetString());
        Assert.Equal(import.GetProperty("id").GetGuid(), again.GetProperty("sameZipAs").GetGuid());
        Assert.All(again.GetProperty("records").EnumerateObject(), table => Assert.Equal(0, table.Value.GetProperty("changed").GetInt32()));
        Assert.True(again.GetProperty("records").GetProperty("sleep").GetProperty("read").GetInt32() > 1000);
        var version = (await db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId)).DataVersion;
        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/imports");
        Assert.Equal(2, list.GetProperty("count").GetInt32());
        Assert.Equal(version, (await db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId)).DataVersion);
    }
}
