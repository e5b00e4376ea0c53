using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.SyncWorker;

/// <summary>
/// The scheduler and the cadence: what a scheduled sync reads, and that reading each type only as often as it
/// changes still ends with everything Polar holds. Each test moves its harness's clock, and a harness drains every
/// queued job of its database (moving its clock to the next one due), so each test has a database of its own.
/// </summary>
public sealed class SyncScheduleTests(ShortHistoryEmulator fixture) : IClassFixture<ShortHistoryEmulator>
{
    private EmulatorFactory Emulator => fixture.Emulator;

    [Fact]
    public async Task TheNextNightAppearsAfterTheNextScheduledSync()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 25 };
        await using var database = await OwnDatabaseAsync();
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"));
        var (_, userId) = await FirstSyncedAsync(sync, emulator);
        DateOnly newest;
        long version;
        await using (var db = database.CreateDbContext())
        {
            newest = await db.Sleep.Where(s => s.UserId == userId).MaxAsync(s => s.Date);
            version = (await db.Users.SingleAsync(u => u.UserId == userId)).DataVersion;
        }

        await emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = "1.00:00:00" });
        sync.Time.Advance(TimeSpan.FromDays(1));
        Assert.True(await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(1), CancellationToken.None) >= 1);
        await using (var db = database.CreateDbContext())
        {
            Assert.True(await db.SyncJobs.AnyAsync(j => j.UserId == userId && j.Trigger == SyncJobTrigger.Scheduled && j.Status == SyncJobStatus.Queued));
        }
        await sync.DrainAsync();

        await using (var db = database.CreateDbContext())
        {
            Assert.True(await db.Sleep.AnyAsync(s => s.UserId == userId && s.Date == newest.AddDays(1)), "the new night was not stored");
            Assert.True((await db.Users.SingleAsync(u => u.UserId == userId)).DataVersion > version, "new rows must bring a new data version");
        }
    }

    [Fact]
    public async Task ThirtySixHoursOfHourlyScheduledSyncsOnTheCadenceMissNothing()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 25 };
        await using var database = await OwnDatabaseAsync();
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"));
        var (polar, userId) = await FirstSyncedAsync(sync, emulator);

        var afterFirst = sync.CallsByToken[polar.AccessToken];
        for (var hour = 0; hour < 36; hour++)
        {
            sync.Time.Advance(TimeSpan.FromHours(1));
            await emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = "01:00:00" });
            await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(1), CancellationToken.None);
            await sync.DrainAsync();
            // Exercises are read at every hourly sync: each one Polar lists is stored within the hour.
            var listed = (await emulator.TruthAsync(polar.PolarUserId)).GetProperty("exercises").GetArrayLength();
            await using var db = database.CreateDbContext();
            Assert.Equal(listed, await db.Exercises.CountAsync(e => e.UserId == userId));
        }
        // Far fewer calls than 14 an hour (every type at every sync), and no type left unread for over a day.
        Assert.InRange(sync.CallsByToken[polar.AccessToken] - afterFirst, 36 * 2, 36 * 14 / 2);

        // Polar's data stops changing; once the longest cadence has passed (the ECG and SpO2 tests, three days) every
        // type is due again, and PolarFlow holds the whole truth.
        sync.Time.Advance(PolarFlow.SyncWorker.Steps.BiosensingTestsStep.Interval);
        await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(1), CancellationToken.None);
        await sync.DrainAsync();
        await using (var db = database.CreateDbContext())
        {
            await GroundTruth.AssertStoredAsync(db, userId, await emulator.TruthAsync(polar.PolarUserId));
        }
    }

    [Fact]
    public async Task AnHourlyScheduledSyncReadsOnlyWhatCanHaveChangedAndLaterEverything()
    {
        await using var database = await OwnDatabaseAsync();
        await using var sync = new SyncHarness(Emulator, database, Guid.NewGuid().ToString("N"));
        var (_, userId) = await FirstSyncedAsync(sync, Emulator);

        sync.Time.Advance(TimeSpan.FromHours(1));
        var hourly = await ScheduledStepsAsync(sync, userId);
        // Read every hour: exercises and activity. Sleep and recharge depend on the user's hour (their morning).
        Assert.DoesNotContain("skipped", hourly[SyncDataTypes.Exercises]);
        Assert.DoesNotContain("skipped", hourly[SyncDataTypes.Activity]);
        foreach (var daily in new[] { SyncDataTypes.CardioLoad, SyncDataTypes.PhysicalInfo, SyncDataTypes.Biosensing,
            SyncDataTypes.SleepWise, SyncDataTypes.ContinuousHeartRate, SyncDataTypes.BiosensingTests })
        {
            Assert.True(hourly[daily].Contains("not due", StringComparison.Ordinal), $"{daily} was read: {hourly[daily]}");
        }

        // A day later every type is read but the ECG and SpO2 tests, which wait three days.
        sync.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await ScheduledStepsAsync(sync, userId);
        Assert.Equal(SyncDataTypes.All.Order(), nextDay.Keys.Order());
        Assert.All(nextDay.Where(step => step.Key != SyncDataTypes.BiosensingTests),
            step => Assert.DoesNotContain("skipped", step.Value));
        Assert.Contains("not due: read every 72 h", nextDay[SyncDataTypes.BiosensingTests]);

        sync.Time.Advance(TimeSpan.FromDays(2));
        Assert.DoesNotContain("skipped", (await ScheduledStepsAsync(sync, userId))[SyncDataTypes.BiosensingTests]);
    }

    /// <summary>Runs one scheduled sync and returns what it did per data type (its step results).</summary>
    private static async Task<Dictionary<string, string>> ScheduledStepsAsync(SyncHarness sync, string userId)
    {
        Assert.True(await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(1), CancellationToken.None) >= 1);
        await sync.DrainAsync();
        await using var db = sync.Database.CreateDbContext();
        var job = await db.SyncJobs.AsNoTracking().Where(j => j.UserId == userId && j.Trigger == SyncJobTrigger.Scheduled)
            .OrderByDescending(j => j.QueuedAt).FirstAsync();
        Assert.Equal(SyncJobStatus.Succeeded, job.Status);
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(job.StepResults!)!
            .ToDictionary(kv => kv.Key, kv => kv.Value.GetRawText());
    }

    [Fact]
    public async Task TargetedWebhookJobsDoNotPostponeTheScheduledFullSync()
    {
        await using var database = await OwnDatabaseAsync();
        await using var sync = new SyncHarness(Emulator, database, Guid.NewGuid().ToString("N"));
        var (_, userId) = await FirstSyncedAsync(sync, Emulator);

        sync.Time.Advance(TimeSpan.FromHours(2));
        await sync.EnqueueAsync(userId, SyncJobTrigger.Webhook, [SyncDataTypes.Sleep]);
        await sync.DrainAsync();
        sync.Time.Advance(TimeSpan.FromMinutes(5));
        await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(1), CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.True(await db.SyncJobs.AnyAsync(j => j.UserId == userId && j.Trigger == SyncJobTrigger.Scheduled && j.Status == SyncJobStatus.Queued),
            "a webhook job for one data type should not count as the hourly full sync");
    }

    [Fact]
    public async Task EightDaysOfWebhooksWithALostDeliveryFetchEachExerciseByIdAndEndWithTheWholeTruth()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 25 };
        await using var database = await OwnDatabaseAsync();
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"),
            s => s["SYNC_INTERVAL_HOURS"] = "24");
        var (polar, userId) = await FirstSyncedAsync(sync, emulator);
        await sync.SubscribeAsync(SyncDataTypes.WebhookEvents);
        emulator.Deliveries.Clear();
        sync.CallsByPath.Clear();

        string? lost = null;
        var announced = new List<string>();
        for (var hour = 0; hour < 8 * 24; hour++)
        {
            sync.Time.Advance(TimeSpan.FromHours(1));
            await emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = "01:00:00" });
            while (emulator.Deliveries.TryDequeue(out var delivery))
            {
                var exercise = delivery.Event == "EXERCISE"
                    ? System.Text.Json.JsonDocument.Parse(delivery.Body).RootElement.GetProperty("entity_id").GetString() : null;
                if (exercise is not null && lost is null)
                {
                    lost = exercise; // Polar's delivery never arrives
                    continue;
                }
                if (exercise is not null) announced.Add(exercise);
                await sync.DeliverAsync(userId, delivery);
            }
            await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(24), CancellationToken.None);
            await sync.DrainAsync();
            // An announced exercise is stored within the hour, with its files, by its own id.
            await using var db = database.CreateDbContext();
            var stored = await db.Exercises.Where(e => e.UserId == userId && announced.Contains(e.ExerciseId)).CountAsync();
            Assert.Equal(announced.Count, stored);
        }

        Assert.NotNull(lost);
        Assert.True(announced.Count >= 2, $"the athlete uploaded {announced.Count} announced exercises in eight days");
        // One detail call per exercise (the announced ones and the lost one, found by the safety net), no more; the list
        // only as the weekly safety net, which found the lost one.
        Assert.Equal(announced.Count + 1, sync.CallsByPath.GetValueOrDefault("/v3/exercises/{id}"));
        Assert.InRange(sync.CallsByPath.GetValueOrDefault("/v3/exercises"), 1, 2);
        await using (var db = database.CreateDbContext())
        {
            Assert.True(await db.Exercises.AnyAsync(e => e.UserId == userId && e.ExerciseId == lost), "the safety net missed it");
            Assert.False(await db.ExerciseAnnouncements.AnyAsync(a => a.UserId == userId), "announcements were left behind");
        }

        // Polar's data stops changing; after the longest cadence PolarFlow holds the whole truth.
        sync.Time.Advance(PolarFlow.SyncWorker.Steps.BiosensingTestsStep.Interval);
        await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(24), CancellationToken.None);
        await sync.DrainAsync();
        await using (var db = database.CreateDbContext())
        {
            await GroundTruth.AssertStoredAsync(db, userId, await emulator.TruthAsync(polar.PolarUserId));
        }
    }

    private static async Task<TestDatabase> OwnDatabaseAsync()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        return database;
    }

    /// <summary>A new athlete connected through the harness, after their first sync (a manual job: every type).</summary>
    private static async Task<(EmulatorFactory.TestUser Polar, string UserId)> FirstSyncedAsync(SyncHarness sync,
        EmulatorFactory emulator)
    {
        var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        await sync.EnqueueAsync(userId);
        await sync.DrainAsync();
        return (polar, userId);
    }
}
