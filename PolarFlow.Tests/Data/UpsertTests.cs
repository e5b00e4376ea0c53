using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Data;

public sealed class UpsertTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    public static TheoryData<string> Tables => new(SyncedRecordSamples.ByTable.Keys);

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task UpsertInsertsOnceSkipsIdenticalRowsAndUpdatesChangedOnesInPlace(string table)
    {
        var sample = SyncedRecordSamples.ByTable[table];
        var userId = await CreateUserAsync();
        await using var db = database.CreateDbContext();

        Assert.Equal(1, await sample.UpsertAsync(db, userId, changed: false));
        Assert.Equal(0, await sample.UpsertAsync(db, userId, changed: false)); // same data: nothing changes
        var before = await sample.RawAsync(db, userId);

        Assert.Equal(1, await sample.UpsertAsync(db, userId, changed: true));
        Assert.Equal(1, await sample.CountAsync(db, userId));
        Assert.NotEqual(before, await sample.RawAsync(db, userId));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task ManyRowsGoByCopyAndAMergeWithTheStatementPathsCountsAndStoredValues(string table)
    {
        var sample = SyncedRecordSamples.ByTable[table];
        var users = await CreateUsersAsync(UpsertExtensions.BulkFromRows + 20);
        var alone = await CreateUserAsync();
        await using var db = database.CreateDbContext();

        Assert.Equal(users.Count, await sample.UpsertAsync(db, users, changed: false));
        Assert.Equal(0, await sample.UpsertAsync(db, users, changed: false)); // identical rows are not counted
        var before = await sample.RawAsync(db, users[0]);
        Assert.Equal(users.Count, await sample.UpsertAsync(db, users, changed: true));
        Assert.Equal(1, await sample.CountAsync(db, users[0]));
        Assert.NotEqual(before, await sample.RawAsync(db, users[0]));

        // The same record written alone (one statement) is stored exactly as the copied one: every column.
        Assert.Equal(1, await sample.UpsertAsync(db, alone, changed: true));
        Assert.Equal(await sample.StoredAsync(db, alone), await sample.StoredAsync(db, users[^1]));
    }

    [Fact]
    public async Task ABulkImportFillsOnlyGapsAndMergesTheExportJsonAsTheStatementPathDoes()
    {
        var users = await CreateUsersAsync(UpsertExtensions.BulkFromRows);
        await using var db = database.CreateDbContext();
        var day = new DateOnly(2026, 11, 1);
        DailyActivity Synced(string user) => new() { UserId = user, Date = day, Steps = 100, Raw = """{"steps":100}""" };
        DailyActivity Exported(string user) => new()
        {
            UserId = user, Date = day, Steps = 999, Calories = 2100, Raw = """{"steps":999}""",
            ExportRaw = """{"activity":{"steps":999}}""", Source = RecordSources.Export,
        };
        await db.UpsertAsync(users.Select(Synced).ToList());

        Assert.Equal(users.Count, await db.UpsertAsync(users.Select(Exported).ToList(), mode: UpsertMode.FillGaps));
        Assert.Equal(0, await db.UpsertAsync(users.Select(Exported).ToList(), mode: UpsertMode.FillGaps));

        var row = await db.DailyActivity.AsNoTracking().SingleAsync(x => x.UserId == users[7]);
        Assert.Equal(100, row.Steps); // AccessLink's value wins
        Assert.Equal(2100, row.Calories); // the gap is filled
        Assert.Equal(RecordSources.AccessLink, row.Source);
        Assert.Contains("activity", row.ExportRaw);
    }

    [Fact]
    public async Task UpsertKeepsTheLastVersionWhenOneBatchHoldsAKeyTwice()
    {
        var userId = await CreateUserAsync();
        await using var db = database.CreateDbContext();
        var day = new DateOnly(2026, 11, 1);

        var changed = await db.UpsertAsync([
            new DailyActivity { UserId = userId, Date = day, Steps = 100, Raw = """{"steps":100}""" },
            new DailyActivity { UserId = userId, Date = day, Steps = 200, Raw = """{"steps":200}""" },
        ]);

        Assert.Equal(1, changed);
        Assert.Equal(200, (await db.DailyActivity.AsNoTracking().SingleAsync(x => x.UserId == userId)).Steps);
    }

    [Fact]
    public async Task UpsertStoresOffsetTimesAsTheSameInstant()
    {
        var userId = await CreateUserAsync();
        await using var db = database.CreateDbContext();
        var start = new DateTimeOffset(2026, 11, 20, 0, 39, 7, TimeSpan.FromHours(3)); // as Polar sends sleep times

        await db.UpsertAsync([new SleepNight { UserId = userId, Date = new DateOnly(2026, 11, 20), SleepStartTime = start, Raw = "{}" }]);

        var stored = await db.Sleep.AsNoTracking().SingleAsync(x => x.UserId == userId);
        Assert.Equal(start.UtcDateTime, stored.SleepStartTime!.Value.UtcDateTime);
    }

    [Fact]
    public async Task UpsertChangesNothingForAnotherUsersRowWithTheSameDate()
    {
        var alice = await CreateUserAsync();
        var bob = await CreateUserAsync();
        await using var db = database.CreateDbContext();
        var sample = SyncedRecordSamples.ByTable["sleep"];

        await sample.UpsertAsync(db, alice, changed: false);
        await sample.UpsertAsync(db, bob, changed: true);

        Assert.Equal(80, (await db.Sleep.AsNoTracking().SingleAsync(x => x.UserId == alice)).SleepScore);
        Assert.Equal(84, (await db.Sleep.AsNoTracking().SingleAsync(x => x.UserId == bob)).SleepScore);
    }

    [Fact]
    public async Task DeletingAUserDeletesEveryRowOfThatUserOnly()
    {
        var doomed = await CreateUserAsync();
        var kept = await CreateUserAsync();
        await using var db = database.CreateDbContext();
        foreach (var sample in SyncedRecordSamples.ByTable.Values)
        {
            await sample.UpsertAsync(db, doomed, changed: false);
            await sample.UpsertAsync(db, kept, changed: false);
        }
        db.SyncJobs.Add(new SyncJob { UserId = doomed, Trigger = SyncJobTrigger.Manual });
        db.SyncCursors.Add(new SyncCursor { UserId = doomed, DataType = "sleep" });
        await db.SaveChangesAsync();

        await db.Users.Where(u => u.UserId == doomed).ExecuteDeleteAsync();

        foreach (var (table, sample) in SyncedRecordSamples.ByTable)
        {
            Assert.True(await sample.CountAsync(db, doomed) == 0, $"{table} still holds rows of the deleted user");
            Assert.True(await sample.CountAsync(db, kept) == 1, $"{table} lost the other user's row");
        }
        Assert.False(await db.SyncJobs.AnyAsync(x => x.UserId == doomed));
        Assert.False(await db.SyncCursors.AnyAsync(x => x.UserId == doomed));
    }

    [Fact]
    public async Task OnlyOneQueuedOrRunningSyncJobPerUserIsAllowed()
    {
        var userId = await CreateUserAsync();
        await using var db = database.CreateDbContext();
        db.SyncJobs.Add(new SyncJob { UserId = userId, Trigger = SyncJobTrigger.Scheduled, Status = SyncJobStatus.Succeeded });
        db.SyncJobs.Add(new SyncJob { UserId = userId, Trigger = SyncJobTrigger.Scheduled });
        await db.SaveChangesAsync();

        db.SyncJobs.Add(new SyncJob { UserId = userId, Trigger = SyncJobTrigger.Manual });
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Contains("ux_sync_jobs_one_active_per_user", error.InnerException!.Message);
    }

    private async Task<string> CreateUserAsync()
    {
        await using var db = database.CreateDbContext();
        var user = new PolarUser { UserId = "user-" + Guid.NewGuid().ToString("N")[..10] };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.UserId;
    }

    private async Task<List<string>> CreateUsersAsync(int count)
    {
        await using var db = database.CreateDbContext();
        var users = Enumerable.Range(0, count)
            .Select(_ => new PolarUser { UserId = "user-" + Guid.NewGuid().ToString("N")[..10] }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users.Select(u => u.UserId).ToList();
    }
}
