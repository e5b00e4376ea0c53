using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The sync's figures on this machine: AccessLink calls per user per day at steady state (hourly polling, and
/// webhooks with a daily safety sync), first-sync time and rows per second, and where the time goes.
/// </summary>
public static class SyncBenchmark
{
    private static readonly ActivityListener Npgsql = new()
    {
        ShouldListenTo = source => source.Name == "Npgsql",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStopped = activity => Interlocked.Add(ref _databaseTicks, activity.Duration.Ticks),
    };
    private static long _databaseTicks;

    public static async Task RunAsync(int users)
    {
        ActivitySource.AddActivityListener(Npgsql);
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, .NET {Environment.Version}");
        await SteadyStateAsync(webhooks: false);
        await SteadyStateAsync(webhooks: true);
        await FirstSyncAsync(1);
        await FirstSyncAsync(users);
        await IngestBenchmark.RunAsync();
    }

    /// <summary>
    /// One user, eight simulated days after the first sync: hourly polling, or webhooks (every event the emulator sends)
    /// plus one scheduled sync a day.
    /// </summary>
    private static async Task SteadyStateAsync(bool webhooks)
    {
        await using var emulator = new EmulatorFactory { HistoryDays = 60 };
        var database = new TestDatabase();
        await database.InitializeAsync();
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"), s => s["SYNC_INTERVAL_HOURS"] = webhooks ? "24" : "1");
        var polar = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var userId = await sync.ConnectAsync(polar);
        await sync.EnqueueAsync(userId);
        await sync.DrainAsync();
        if (webhooks)
        {
            await sync.SubscribeAsync(
                ["EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "ACTIVITY_SUMMARY", "SLEEP_WISE_ALERTNESS", "PHYSICAL_INFORMATION"]);
        }
        emulator.Deliveries.Clear();

        var before = sync.CallsByToken[polar.AccessToken];
        var exercisesBefore = await CountExercisesAsync(database, userId);
        sync.CallsByPath.Clear();
        const int days = 8; // a week and a day: the weekly safety net of the webhook types falls inside
        for (var hour = 0; hour < days * 24; hour++)
        {
            sync.Time.Advance(TimeSpan.FromHours(1));
            await emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = "01:00:00" });
            while (emulator.Deliveries.TryDequeue(out var delivery)) await sync.DeliverAsync(userId, delivery);
            await sync.Scheduler.EnqueueAsync(SyncJobTrigger.Scheduled, TimeSpan.FromHours(webhooks ? 24 : 1), CancellationToken.None);
            await sync.DrainAsync();
        }
        var calls = (sync.CallsByToken[polar.AccessToken] - before) / (double)days;
        var exercises = (await CountExercisesAsync(database, userId) - exercisesBefore) / (double)days;
        // One exercise's own calls (its detail and files) apart, so the figure can be read for any training habit.
        var byPath = sync.CallsByPath.ToDictionary(p => p.Key, p => p.Value / (double)days);
        var perExercise = byPath.Where(p => p.Key.StartsWith("/v3/exercises/{id}", StringComparison.Ordinal)).Sum(p => p.Value);
        var mode = webhooks ? "webhooks + one safety sync a day (SYNC_INTERVAL_HOURS=24)" : "hourly polling (SYNC_INTERVAL_HOURS=1)";
        Console.WriteLine($"steady state, {mode}: {calls:F1} AccessLink calls per user per day (mean of {days} days)");
        Console.WriteLine($"  {exercises:F2} new exercises a day, {perExercise / exercises:F1} calls each; without them "
            + $"{calls - perExercise:F1} a day, so {calls - perExercise + perExercise / exercises:F1} with one exercise a day");
        var paths = byPath.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:0.##}");
        Console.WriteLine($"  a day's calls by path: {string.Join(", ", paths)}");
        await database.DisposeAsync();
    }

    private static async Task<int> CountExercisesAsync(TestDatabase database, string userId)
    {
        await using var db = database.CreateDbContext();
        return await db.Exercises.CountAsync(e => e.UserId == userId);
    }

    /// <summary>Athletes with 400 days of life and Polar's rate limits lifted: what a first sync can fetch, at once.</summary>
    internal static async Task<EmulatorFactory> FirstSyncEmulatorAsync()
    {
        var emulator = new EmulatorFactory { HistoryDays = 400 };
        await emulator.AdminAsync(HttpMethod.Put, "/admin/settings",
            new { ShortWindowBaseLimit = 1_000_000, LongWindowBaseLimit = 1_000_000 });
        return emulator;
    }

    /// <summary>First syncs with Polar's real windows (a year of activity, 180 days of load, 28-30 days of the rest).</summary>
    private static async Task FirstSyncAsync(int users)
    {
        await using var emulator = await FirstSyncEmulatorAsync();
        var database = new TestDatabase();
        await database.InitializeAsync();
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"));
        var ids = new List<string>();
        for (var i = 0; i < users; i++) ids.Add(await sync.ConnectAsync(await emulator.CreateUserAsync(registeredDaysAgo: 30)));
        foreach (var id in ids) await sync.EnqueueAsync(id);
        // Generating each athlete's year is the emulator's cost, not the sync's: do it before the clock starts.
        foreach (var id in ids) await emulator.TruthAsync(long.Parse(id.Split('-')[0], CultureInfo.InvariantCulture));

        Interlocked.Exchange(ref _databaseTicks, 0);
        sync.ResetHttpTime();
        var clock = Stopwatch.StartNew();
        async Task Work(string worker)
        {
            while (await sync.Runner.RunNextAsync(worker, CancellationToken.None)) { }
        }
        await Task.WhenAll(Work("bench-1"), Work("bench-2"));
        clock.Stop();

        await using var db = database.CreateDbContext();
        var rows = await db.Sleep.LongCountAsync() + await db.NightlyRecharge.LongCountAsync() + await db.DailyActivity.LongCountAsync()
            + await db.ActivitySamples.LongCountAsync() + await db.Exercises.LongCountAsync() + await db.ExerciseSamples.LongCountAsync()
            + await db.ExerciseRoutes.LongCountAsync() + await db.ContinuousHeartRate.LongCountAsync() + await db.CardioLoad.LongCountAsync()
            + await db.SleepWiseAlertness.LongCountAsync() + await db.SleepWiseBedtime.LongCountAsync() + await db.BodyTemperature.LongCountAsync()
            + await db.SkinTemperature.LongCountAsync() + await db.SkinContacts.LongCountAsync() + await db.EcgTests.LongCountAsync()
            + await db.Spo2Tests.LongCountAsync() + await db.PhysicalInfo.LongCountAsync();
        var failed = await db.SyncJobs.CountAsync(j => j.Status != SyncJobStatus.Succeeded);
        var calls = sync.CallsByToken.Values.Sum();
        var seconds = clock.Elapsed.TotalSeconds;
        // Two workers run side by side, so summed waits can exceed the wall time; the shares compare them.
        var http = sync.HttpTime.TotalSeconds;
        var database_ = TimeSpan.FromTicks(Interlocked.Read(ref _databaseTicks)).TotalSeconds;
        Console.WriteLine($"first sync, {users} user(s), 2 workers: {seconds:F1} s, {rows} rows ({rows / seconds:F0} rows/s), {calls} AccessLink calls ({calls / (double)users:F0} per user), {failed} job(s) not succeeded");
        Console.WriteLine($"  time summed over both workers: waiting on the emulator {http:F1} s ({http / (http + database_):P0}), PostgreSQL commands {database_:F1} s ({database_ / (http + database_):P0})");
        await database.DisposeAsync();
    }
}
