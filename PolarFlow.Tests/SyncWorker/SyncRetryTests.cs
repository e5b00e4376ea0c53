using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.SyncWorker;

/// <summary>
/// A failing step keeps what it fetched and comes back on its own within the backoff (here shortened to a fraction
/// of a second; in production 1, 2, 4, ... minutes), on the real clock. Before: one exercise that failed after the
/// retries threw away the whole step (0 of 299 stored) and nothing was tried again before the next hourly sync.
/// </summary>
public sealed class SyncRetryTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static void FastRetries(Dictionary<string, string?> settings)
    {
        settings["Sync:StepRetryDelay"] = "00:00:00.200";
        settings["Sync:MaxAttempts"] = "12";
    }

    [Fact]
    public async Task AnExerciseThatFailsLeavesTheOthersStoredAndOnlyTheExercisesComeBackUntilTheyAreAllThere()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 25 };
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"), FastRetries);
        var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        var listed = await ListExerciseIdsAsync(emulator, polar);
        Assert.True(listed.Count >= 3, $"the athlete has {listed.Count} exercises");
        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { FailingPath = $"/v3/exercises/{listed[1]}" });

        await sync.EnqueueAsync(userId);
        Assert.True(await sync.Runner.RunNextAsync("test-worker", CancellationToken.None));

        await using (var db = database.CreateDbContext())
        {
            var stored = await db.Exercises.Where(e => e.UserId == userId).Select(e => e.ExerciseId).ToListAsync();
            Assert.Equal(listed.Count - 1, stored.Count); // everything but the one Polar would not serve
            Assert.DoesNotContain(listed[1], stored);
            var job = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId);
            Assert.Equal(SyncJobStatus.Queued, job.Status);
            Assert.Equal([SyncDataTypes.Exercises], job.DataTypes); // only what failed comes back
            Assert.True(job.NotBefore > DateTimeOffset.UtcNow.AddMilliseconds(-50), $"not before {job.NotBefore:O}");
            Assert.Contains("Retrying exercises at", job.Error);
            var steps = JsonDocument.Parse(job.StepResults!).RootElement;
            Assert.Equal("Incomplete", steps.GetProperty(SyncDataTypes.Exercises).GetProperty("error").GetString());
            Assert.Contains("1 of", steps.GetProperty(SyncDataTypes.Exercises).GetProperty("message").GetString());
            Assert.Equal(SyncDataTypes.All.Count, steps.EnumerateObject().Count());
        }

        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { });
        await sync.RunUntilIdleAsync(TimeSpan.FromMinutes(1));

        await using (var db = database.CreateDbContext())
        {
            var job = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId);
            Assert.Equal(SyncJobStatus.Succeeded, job.Status);
            Assert.Equal(2, job.Attempt);
            Assert.Equal(SyncDataTypes.All.Count, JsonDocument.Parse(job.StepResults!).RootElement.EnumerateObject().Count());
            await GroundTruth.AssertStoredAsync(db, userId, await emulator.TruthAsync(polar.PolarUserId));
        }
    }

    [Fact]
    public async Task AYearsFirstSyncThroughServerErrorsAndDroppedConnectionsEndsWithTheWholeTruthOnItsOwn()
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 365 };
        // One client retry instead of three, so that calls fail past it as often as they did over 299 exercises.
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"), s =>
        {
            FastRetries(s);
            s["Polar:MaxRetryAttempts"] = "1";
        });
        var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { ServerErrorRate = 0.2, DropRate = 0.05, Seed = 23 });

        await sync.EnqueueAsync(userId);
        await sync.RunUntilIdleAsync(TimeSpan.FromMinutes(5));
        await emulator.AdminAsync(HttpMethod.Put, "/admin/faults", new { });

        await using (var db = database.CreateDbContext())
        {
            var job = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId); // the first sync itself, no second one
            Assert.True(job.Status == SyncJobStatus.Succeeded, $"{job.Status} after {job.Attempt} attempts: {job.Error}\n{job.StepResults}");
            Assert.True(job.Attempt > 1, "no step failed past the client's retries: the faults did not test the job's own retry");
        }

        var expected = await TableSnapshot.OfFaultFreeSyncAsync(emulator, polar, userId); // compared table by table, row by row
        Assert.Equal(expected, await TableSnapshot.OfUserAsync(database.ConnectionString, userId));
    }

    private static async Task<List<string>> ListExerciseIdsAsync(EmulatorFactory emulator, EmulatorFactory.TestUser polar)
    {
        using var client = emulator.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", polar.AccessToken);
        var exercises = await client.GetFromJsonAsync<JsonElement>("/v3/exercises");
        return exercises.EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();
    }
}
