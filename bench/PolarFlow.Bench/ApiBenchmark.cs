using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The API under load: the ApiService as its own Kestrel process (Release), a user with two years of nights
/// in PostgreSQL, and wrk (a standard load generator) against `sleep?days=30`, `sleep?days=365`, the streamed CSV of
/// a year's sleep (never cached: one query streamed per request) and `/alive`
/// (the same server's ceiling), one after the other in one run.
/// </summary>
public static class ApiBenchmark
{
    public static async Task RunAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        await SeedTwoYearsAsync(database);
        try
        {
            await using var api = await ApiProcess.StartAsync(apiDll, database);
            Console.WriteLine($"API under wrk (2 threads, 32 connections, 10 s each after a 3 s warm-up), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, two years of nights held:");
            string[] paths =
            [
                "/alive", "/api/v1/users/bench-user/sleep?days=30", "/api/v1/users/bench-user/sleep?days=365",
                "/api/v1/users/bench-user/export/sleep.csv?days=365",
            ];
            foreach (var path in paths)
            {
                Console.WriteLine($"  {path,-42} {await Wrk.MeasureAsync(api.Port, path, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))}");
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    internal static async Task SeedTwoYearsAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        db.Users.Add(new PolarUser { UserId = "bench-user" });
        await db.SaveChangesAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var nights = Enumerable.Range(0, 730).Select(i => today.AddDays(-i)).Select(d => new SleepNight
        {
            UserId = "bench-user", Date = d, SleepStartTime = new DateTimeOffset(d.ToDateTime(new TimeOnly(22, 30)).AddDays(-1), TimeSpan.FromHours(2)).ToUniversalTime(),
            SleepEndTime = new DateTimeOffset(d.ToDateTime(new TimeOnly(6, 45)), TimeSpan.FromHours(2)).ToUniversalTime(), SleepStartOffsetMinutes = 120, SleepEndOffsetMinutes = 120,
            LightSleep = 15000, DeepSleep = 5400, RemSleep = 6000, SleepScore = 70 + d.DayNumber % 20, Continuity = 3.4,
            Hypnogram = """{"22:30":2,"22:41":3,"23:05":4}""", Raw = $$"""{"date":"{{d:yyyy-MM-dd}}","sleep_score":{{70 + d.DayNumber % 20}}}""",
        }).ToList();
        await db.UpsertAsync(nights);
    }
}
