using System.Diagnostics;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// What Redis and PostgreSQL faults cost a client of the ApiService (Release, its own process): the latency a
/// request gains while Redis hangs (SIGSTOP), how fast `/health` says so, how long a request waits for its 503
/// while PostgreSQL hangs, and how long after PostgreSQL restarts (cleanly, and after a crash) the API answers
/// again. Sequential requests, one at a time: the figure is what one caller sees, not throughput.
/// </summary>
public static class FaultsBenchmark
{
    private const int Requests = 200;
    private static readonly string[] Paths = ["/api/v1/users/bench-user/sleep?days=30", "/api/v1/users/bench-user/analytics/summary"];

    public static async Task RunAsync(string apiDll)
    {
        Console.WriteLine($"Faults, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, "
            + $"{Requests} sequential requests per figure:");
        await RedisHangAsync(apiDll);
        await PostgresAsync(apiDll);
    }

    private static async Task RedisHangAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await ApiBenchmark.SeedTwoYearsAsync(database);
            await using var redis = await FaultyServer.StartRedisAsync();
            var ownRedis = new Dictionary<string, string> { ["ConnectionStrings__cache"] = redis.ConnectionString };
            await using var api = await ApiProcess.StartAsync(apiDll, database, ownRedis);
            using var http = Client(api);
            Console.WriteLine("  Redis hung (every request still 200; the circuit opens after the first timeouts):");
            Console.WriteLine($"    {"request",-44} {"healthy p50/p95",16} {"hung p50/p95",16} {"added p50",10}"
                + "  requests of 50 ms or more (healthy, hung)");
            var healthy = new Dictionary<string, Timings>();
            foreach (var path in Paths) healthy[path] = await TimeAsync(http, path, Requests);
            var healthHealthy = await TimeAsync(http, "/health", 20);

            redis.Hang();
            var first = Stopwatch.StartNew();
            await http.GetAsync(Paths[0]);
            var firstTook = first.Elapsed;
            foreach (var path in Paths)
            {
                var hung = await TimeAsync(http, path, Requests);
                var slow = string.Join(", #", hung.Slow.Take(12));
                Console.WriteLine($"    {Short(path),-44} {healthy[path],16} {hung,16} {hung.Median - healthy[path].Median,8:F2} ms  "
                    + $"{healthy[path].Slow.Count}, {hung.Slow.Count} (#{slow})");
            }
            var healthHung = await TimeAsync(http, "/health", 20);
            Console.WriteLine($"    {"/health (Healthy, then Degraded)",-44} {healthHealthy,16} {healthHung,16} "
                + $"{healthHung.Median - healthHealthy.Median,8:F2} ms");
            Console.WriteLine($"    the first request after the hang began: {firstTook.TotalMilliseconds:F0} ms "
                + "(the Redis timeout, before the circuit opened)");

            redis.Resume();
            var back = Stopwatch.StartNew();
            while (!(await http.GetAsync(Paths[1])).Headers.Contains("RateLimit-Limit")) await Task.Delay(50);
            Console.WriteLine($"    Redis resumed: rate limits counted again after {back.Elapsed.TotalSeconds:F1} s (the circuit's break)");
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task PostgresAsync(string apiDll)
    {
        await using var postgres = await FaultyServer.StartPostgresAsync();
        var database = await TestDatabase.OnServerAsync(postgres.ConnectionString);
        await ApiBenchmark.SeedTwoYearsAsync(database);
        await using var api = await ApiProcess.StartAsync(apiDll, database);
        using var http = Client(api);
        await TimeAsync(http, Paths[0], 20);
        Console.WriteLine("  PostgreSQL (PolarFlow:RequestTimeoutSeconds 10, PolarFlow:Database:CommandTimeoutSeconds 10, as shipped):");

        postgres.Hang();
        var health = await TimeAsync(http, "/health", 5);
        var request = Stopwatch.StartNew();
        var answer = await http.GetAsync(Paths[0]);
        Console.WriteLine($"    hung: /health Unhealthy in {health.Median:F0} ms (p50 of 5); {Short(Paths[0])} "
            + $"answered {(int)answer.StatusCode} after {request.Elapsed.TotalSeconds:F1} s, "
            + $"Retry-After {answer.Headers.RetryAfter?.Delta?.TotalSeconds}");
        postgres.Resume();
        Console.WriteLine($"    resumed: answering again after {(await UntilAnsweringAsync(http)).TotalSeconds:F2} s");

        await postgres.StopAsync();
        var down = await http.GetAsync(Paths[0]);
        var restart = Stopwatch.StartNew();
        await postgres.StartAgainAsync();
        var serverUp = restart.Elapsed;
        var recovered = await UntilAnsweringAsync(http);
        Console.WriteLine($"    stopped: answered {(int)down.StatusCode}; restarted: PostgreSQL up after {serverUp.TotalSeconds:F2} s, "
            + $"the API answering 200 {recovered.TotalSeconds:F2} s after that");

        await postgres.KillAsync();
        restart.Restart();
        await postgres.StartAgainAsync();
        serverUp = restart.Elapsed;
        recovered = await UntilAnsweringAsync(http);
        Console.WriteLine($"    killed (SIGKILL) and started: PostgreSQL up after {serverUp.TotalSeconds:F2} s (crash recovery), "
            + $"the API answering 200 {recovered.TotalSeconds:F2} s after that");
    }

    private static string Short(string path) => path.Replace("/api/v1/users/bench-user", "…", StringComparison.Ordinal);

    private static HttpClient Client(ApiProcess api)
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.Port}"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
        return http;
    }

    /// <summary>From now until the first 200 of a data read and a Healthy `/health`.</summary>
    private static async Task<TimeSpan> UntilAnsweringAsync(HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var answering = (await http.GetAsync(Paths[0])).IsSuccessStatusCode;
            if (answering && await (await http.GetAsync("/health")).Content.ReadAsStringAsync() == "Healthy")
            {
                return clock.Elapsed;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException("The API did not answer again within 2 minutes.");
    }

    /// <param name="Slow">The requests that took 50 ms or more, by their place in the run (0 = first).</param>
    private sealed record Timings(double Median, double P95, IReadOnlyList<int> Slow)
    {
        public override string ToString() => $"{Median,6:F2}/{P95,6:F2} ms";
    }

    private static async Task<Timings> TimeAsync(HttpClient http, string path, int count)
    {
        var took = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            took.Add(clock.Elapsed.TotalMilliseconds);
        }
        var slow = took.Select((ms, i) => (ms, i)).Where(t => t.ms >= 50).Select(t => t.i).ToList();
        took.Sort();
        return new Timings(took[count / 2], took[Math.Min(count - 1, (int)(count * 0.95))], slow);
    }
}
