using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.SyncWorker;

/// <summary>A short-history emulator: 25 days of life fit inside every one of Polar's windows, so a sync can get everything.</summary>
public sealed class ShortHistoryEmulator() : IAsyncLifetime
{
    public EmulatorFactory Emulator { get; } = new() { HistoryDays = 25 };
    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

public sealed class SyncTests(ShortHistoryEmulator fixture, TestDatabase database) : IClassFixture<ShortHistoryEmulator>, IClassFixture<TestDatabase>
{
    private EmulatorFactory Emulator => fixture.Emulator;

    [Fact]
    public async Task AFirstSyncStoresEverythingTheEmulatorHoldsAndASecondChangesNothing()
    {
        await using var sync = new SyncHarness(Emulator, database, Guid.NewGuid().ToString("N"));
        var polar = await Emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);

        await sync.EnqueueAsync(userId);
        await sync.DrainAsync();
        var truth = await Emulator.TruthAsync(polar.PolarUserId);
        var firstCounts = await CountRowsAsync(userId);
        long version;
        await using (var db = database.CreateDbContext())
        {
            await GroundTruth.AssertStoredAsync(db, userId, truth);
            var job = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId);
            Assert.True(job.Status == SyncJobStatus.Succeeded, job.StepResults);
            Assert.Equal(SyncDataTypes.All.Count, await db.SyncCursors.CountAsync(c => c.UserId == userId && c.BackfillCompletedAt != null && c.LastError == null));
            version = (await db.Users.SingleAsync(u => u.UserId == userId)).DataVersion;
            // One new version per step that wrote rows (it commits with them); every data type had rows.
            Assert.Equal(SyncDataTypes.All.Count, version);
        }

        var callsBefore = sync.CallsByToken[polar.AccessToken];
        await sync.EnqueueAsync(userId);
        await sync.DrainAsync();

        Assert.Equal(firstCounts, await CountRowsAsync(userId));
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(version, (await db.Users.SingleAsync(u => u.UserId == userId)).DataVersion); // nothing changed: no new version
            var second = await db.SyncJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.FinishedAt).FirstAsync();
            var steps = System.Text.Json.JsonDocument.Parse(second.StepResults!).RootElement.EnumerateObject().ToList();
            Assert.Equal(SyncDataTypes.All.Count, steps.Count);
            Assert.All(steps, s => Assert.Equal(0, s.Value.GetProperty("changed").GetInt32()));
        }
        // The incremental sync asks for little: one call per data type (and one per biosensing kind), no backfill.
        Assert.InRange(sync.CallsByToken[polar.AccessToken] - callsBefore, 10, 16);
    }

    [Fact]
    public async Task SyncsEndWithTheWholeTruthDespiteServerErrorsDroppedConnectionsAndA429Burst()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 25 };
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"));
        var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { ServerErrorRate = 0.2, DropRate = 0.05, Burst429 = 3, Seed = 11 });

        // A step can still fail after its retries; the next sync picks it up. A user would see the same.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await sync.EnqueueAsync(userId);
            await sync.DrainAsync();
        }
        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { });

        await using var db = database.CreateDbContext();
        await GroundTruth.AssertStoredAsync(db, userId, await emulator.TruthAsync(polar.PolarUserId));
        Assert.Contains(await db.SyncJobs.AsNoTracking().Where(j => j.UserId == userId).Select(j => j.Attempt).ToListAsync(), a => a > 1); // the 429 put a job back
    }

    [Fact]
    public async Task AJobWhoseWorkerDiedIsFinishedByAnotherAfterTheLeaseExpires()
    {
        await using var sync = new SyncHarness(Emulator, database, Guid.NewGuid().ToString("N"));
        var polar = await Emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        await sync.EnqueueAsync(userId);

        SyncJob dead;
        await using (var db = database.CreateDbContext())
        {
            // Worker A leases the job and "dies": it never renews and never completes.
            dead = (await new SyncJobQueue(db, sync.Time).LeaseAsync("worker-a", TimeSpan.FromSeconds(30)))!;
        }
        Assert.False(await sync.Runner.RunNextAsync("worker-b", CancellationToken.None)); // still leased
        sync.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await sync.Runner.RunNextAsync("worker-b", CancellationToken.None));

        await using (var db = database.CreateDbContext())
        {
            var job = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId);
            Assert.Equal(dead.Id, job.Id);
            Assert.Equal(2, job.Attempt);
            Assert.True(job.Status == SyncJobStatus.Succeeded, job.StepResults);
            Assert.False(await new SyncJobQueue(db, sync.Time).CompleteAsync(dead, "worker-a", SyncJobStatus.Succeeded, null, "{}")); // A's lease is gone
            await GroundTruth.AssertStoredAsync(db, userId, await Emulator.TruthAsync(polar.PolarUserId));
        }
    }

    [Fact]
    public async Task TwoWorkersOverFiftyUsersNeverRunOneUsersJobTwiceAtOnce()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 25 };
        await emulator.AdminAsync(HttpMethod.Put, "/admin/settings", new { ShortWindowBaseLimit = 100_000 }); // this test is about concurrency
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"));
        var users = new List<(EmulatorFactory.TestUser Polar, string UserId)>();
        for (var i = 0; i < 50; i++)
        {
            var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
            users.Add((polar, await sync.ConnectAsync(polar)));
        }
        foreach (var (_, userId) in users)
        {
            await sync.EnqueueAsync(userId, SyncJobTrigger.Webhook);
            await sync.EnqueueAsync(userId, SyncJobTrigger.Manual); // folds into the queued job
        }

        async Task Work(string worker)
        {
            while (await sync.Runner.RunNextAsync(worker, CancellationToken.None)) { }
        }
        await Task.WhenAll(Work("worker-1"), Work("worker-2"));

        Assert.Equal(0, sync.Overlaps);
        await using var db = database.CreateDbContext();
        var ids = users.Select(u => u.UserId).ToList();
        var jobs = await db.SyncJobs.AsNoTracking().Where(j => ids.Contains(j.UserId)).ToListAsync();
        Assert.Equal(50, jobs.Count);
        Assert.All(jobs, j => Assert.True(j.Status == SyncJobStatus.Succeeded, j.StepResults));
        Assert.All(jobs, j => Assert.Equal(1, j.Attempt));
        // Every night each athlete has slept by now (whether last night has ended depends on the time of day).
        var nights = 0;
        foreach (var (polar, _) in users) nights += (await emulator.TruthAsync(polar.PolarUserId)).GetProperty("sleep").GetArrayLength();
        Assert.InRange(nights, 50 * 25, 50 * 26);
        Assert.Equal(nights, await db.Sleep.CountAsync(s => ids.Contains(s.UserId)));
    }

    [Fact]
    public async Task ARevokedTokenDisconnectsTheUserAndPolarIsNotCalledForThemAgain()
    {
        await using var sync = new SyncHarness(Emulator, database, Guid.NewGuid().ToString("N"));
        var polar = await Emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        await Emulator.Client().DeleteUserAsync(polar.AccessToken, polar.PolarUserId); // revokes the token at Polar

        await sync.EnqueueAsync(userId);
        await sync.DrainAsync();
        var calls = sync.CallsByToken[polar.AccessToken];
        sync.Time.Advance(TimeSpan.FromHours(2));
        await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(1), CancellationToken.None);
        await sync.EnqueueAsync(userId); // even a manual job
        await sync.DrainAsync();

        await using var db = database.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId);
        Assert.Equal(ConnectionState.TokenRevoked, user.ConnectionState);
        Assert.False(await db.SyncJobs.AnyAsync(j => j.UserId == userId && j.Trigger == SyncJobTrigger.Scheduled));
        Assert.Equal(1, calls); // the first call's 401 stopped the job
        Assert.Equal(calls, sync.CallsByToken[polar.AccessToken]);
        Assert.Equal("The user is not connected to Polar.", (await db.SyncJobs.AsNoTracking().Where(j => j.UserId == userId).OrderByDescending(j => j.QueuedAt).FirstAsync()).Error);
    }

    private async Task<long> CountRowsAsync(string userId)
    {
        await using var db = database.CreateDbContext();
        return await db.Sleep.CountAsync(x => x.UserId == userId) + await db.NightlyRecharge.CountAsync(x => x.UserId == userId)
            + await db.DailyActivity.CountAsync(x => x.UserId == userId) + await db.ActivitySamples.CountAsync(x => x.UserId == userId)
            + await db.Exercises.CountAsync(x => x.UserId == userId) + await db.ExerciseSamples.CountAsync(x => x.UserId == userId)
            + await db.ContinuousHeartRate.CountAsync(x => x.UserId == userId) + await db.CardioLoad.CountAsync(x => x.UserId == userId)
            + await db.SleepWiseAlertness.CountAsync(x => x.UserId == userId) + await db.BodyTemperature.CountAsync(x => x.UserId == userId)
            + await db.PhysicalInfo.CountAsync(x => x.UserId == userId) + await db.EcgTests.CountAsync(x => x.UserId == userId);
    }
}
