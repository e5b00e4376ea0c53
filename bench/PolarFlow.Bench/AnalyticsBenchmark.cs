using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AccessLink.Emulator;
using PolarFlow.AccessLink.Emulator.Synthetic;
using PolarFlow.AccessLink.Json;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Summary;
using PolarFlow.ApiService.Analytics;
using PolarFlow.Data;
using PolarFlow.SyncWorker.Steps;
using PolarFlow.Tests.Infrastructure;
using M = PolarFlow.AccessLink.Models;

namespace PolarFlow.Bench;

/// <summary>
/// The analytics on five years of one synthetic athlete (the emulator's, stored through the sync's own mapping):
/// the time to load and compute the summary in-process, one cold request at a time over HTTP, then
/// `analytics/summary` under wrk cold (a cache key of its own on every request, so every one is computed) and warm
/// (one URL, cached) beside `/alive`, in one run.
/// </summary>
public static class AnalyticsBenchmark
{
    internal const string UserId = "five-years";
    private const int Days = 5 * 365 + 1;

    public static async Task RunAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var rows = await SeedAsync(database, today);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, .NET {Environment.Version}; {Days} days of one athlete stored: {rows}");
            await InProcessAsync(database, today);

            await using var api = await ApiProcess.StartAsync(apiDll, database);
            Console.WriteLine($"summary, cold, one request alone over HTTP: {await OneAloneAsync(api.Port, today)}");
            var script = Path.Combine(Path.GetTempPath(), $"pf-cold-{Guid.NewGuid():N}.lua");
            // No request repeats another's cache key: each asks for a day of the last year (five years of data behind it)
            // with a sleep need of its own (420-450 min on one thread, 620-650 on the other, a hundredth apart).
            await File.WriteAllTextAsync(script, $$"""
                local threads, n = 0, 0
                function setup(thread) thread:set("need", 420 + threads * 200); threads = threads + 1 end
                function request()
                  n = n + 1
                  local day = os.date("!%Y-%m-%d", os.time() - (n % 365) * 86400)
                  local path = "/api/v1/users/{{UserId}}/analytics/summary?as_of=" .. day
                  return wrk.format("GET", path .. "&sleep_need_minutes=" .. string.format("%.2f", need + n / 100))
                end
                """);
            Console.WriteLine("wrk, 2 threads, 32 connections, 10 s each (3 s warm-up for /alive and the warm summary; "
                + "none for cold, which must not repeat a key):");
            Console.WriteLine($"  {"/alive",-44} {await Wrk.MeasureAsync(api.Port, "/alive", TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))}");
            Console.WriteLine($"  {"summary, cold (computed every time)",-44} {await Wrk.MeasureAsync(api.Port, "/", TimeSpan.Zero, TimeSpan.FromSeconds(10), script)}");
            var warm = $"/api/v1/users/{UserId}/analytics/summary?as_of={today:yyyy-MM-dd}";
            Console.WriteLine($"  {"summary, warm (cached)",-44} {await Wrk.MeasureAsync(api.Port, warm, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))}");
            File.Delete(script);
            await FreshnessBenchmark.MeasureAsync(apiDll, database, api, UserId);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Loading (one snapshot) and computing, timed apart: the first call cold, then the median of 20.</summary>
    private static async Task InProcessAsync(TestDatabase database, DateOnly today)
    {
        var load = new List<double>();
        var compute = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            await using var db = database.CreateDbContext();
            var watch = Stopwatch.StartNew();
            var (data, _) = await new AnalyticsDataLoader(db).LoadAsync(UserId, today, 1, CancellationToken.None);
            load.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = AnalyticsSummary.Compute(data, today, AnalyticsParameters.Default);
            compute.Add(watch.Elapsed.TotalMilliseconds);
        }
        static double Median(IReadOnlyList<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"summary in-process: first call load {load[0]:F1} ms + compute {compute[0]:F1} ms; then median of 20: load {Median(load[1..]):F1} ms + compute {Median(compute[1..]):F1} ms");
    }

    /// <summary>
    /// What one person waits for a summary nobody asked for yet, in a server that has answered others (its code
    /// compiled as it runs for long): 100 sequential requests from 1,000 days back warm it, then 30 for today and the
    /// days before it (five years of data each), one at a time; median and p95 of the 30.
    /// </summary>
    private static async Task<string> OneAloneAsync(int port, DateOnly today)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
        async Task<double> AskAsync(int daysBack)
        {
            var watch = Stopwatch.StartNew();
            var day = today.AddDays(-daysBack);
            using var response = await http.GetAsync($"/api/v1/users/{UserId}/analytics/summary?as_of={day:yyyy-MM-dd}");
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (response.Headers.GetValues("X-Cache").Single() != "miss") throw new InvalidOperationException("not cold");
            return watch.Elapsed.TotalMilliseconds;
        }
        for (var i = 0; i < 100; i++) await AskAsync(1000 + i);
        var times = new List<double>();
        for (var i = 0; i < 30; i++) times.Add(await AskAsync(i));
        var sorted = times.Order().ToArray();
        return $"median {sorted[15]:F1} ms, p95 {sorted[28]:F1} ms (30 requests, after 100 others)";
    }

    internal static async Task<string> SeedAsync(TestDatabase database, DateOnly today)
    {
        var athlete = new SyntheticAthlete(40009999, 20261128, today.AddDays(-Days), Days);
        var days = athlete.DaysThrough(today.AddDays(-1));
        T Read<T>(JsonObject json) where T : class => PolarJsonReader.Read<T>(JsonSerializer.SerializeToElement(json));
        var sleep = days.Select(d => PolarMapping.Sleep(UserId, Read<M.SleepNight>(PolarJson.Sleep(d.Sleep, athlete.PolarUserId)))).ToList();
        var recharge = days.Select(d => PolarMapping.Recharge(UserId, Read<M.NightlyRecharge>(PolarJson.Recharge(d.Recharge, d.Sleep, athlete.PolarUserId)))).ToList();
        var activity = days.Select(d => PolarMapping.Activity(UserId, d.Date, Read<M.DailyActivitySummary>(PolarJson.Activity(d.Activity, false, false, false)))).ToList();
        var exercises = days.SelectMany(d => d.Exercises).Select(e => PolarMapping.Exercise(UserId, Read<M.Exercise>(PolarJson.Exercise(e, athlete.PolarUserId, false, false, false)))).ToList();
        var cardio = days.Select(d => PolarMapping.CardioLoad(UserId, Read<M.CardioLoadDay>(PolarJson.CardioLoad(d.CardioLoad)))).ToList();
        var physical = athlete.PhysicalInfo(DateTimeOffset.UtcNow).Select(p => PolarMapping.PhysicalInfo(UserId, Read<M.PhysicalInfo>(PolarJson.PhysicalInfo(p)))).OfType<PolarFlow.Data.Entities.PhysicalInfoSnapshot>().ToList();

        await using var db = database.CreateDbContext();
        db.Users.Add(new PolarFlow.Data.Entities.PolarUser { UserId = UserId, DataVersion = 1 });
        await db.SaveChangesAsync();
        await db.UpsertAsync(sleep);
        await db.UpsertAsync(recharge);
        await db.UpsertAsync(activity);
        await db.UpsertAsync(exercises);
        await db.UpsertAsync(cardio);
        await db.UpsertAsync(physical);
        return $"{sleep.Count} nights, {recharge.Count} recharges, {activity.Count} activity days, {exercises.Count} exercises, {cardio.Count} cardio-load days";
    }
}
