using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The API under load: the ApiService as its own Kestrel process (Release), a user with two years of nights
/// in PostgreSQL, and wrk (a standard load generator) against `sleep?days=30`, `sleep?days=365` and `/alive`
/// (the same server's ceiling), one after the other in one run.
/// </summary>
public static partial class ApiBenchmark
{
    private const string Key = "bench-admin-key-0123456789abcdef-0123";

    public static async Task RunAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        await SeedTwoYearsAsync(database);

        var port = PolarFlow.AppHost.Infrastructure.LocalServerBinaries.FreeTcpPort();
        using var api = Process.Start(new ProcessStartInfo("dotnet", [apiDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__polarflow"] = database.ConnectionString,
                ["ConnectionStrings__cache"] = database.Servers.Redis, ["PolarFlow__AdminApiKey"] = Key,
                ["PolarFlow__RateLimit__PermitsPerMinute"] = "100000000", ["Polar__ClientId"] = "bench", ["Polar__ClientSecret"] = "bench",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        })!;
        api.OutputDataReceived += (_, _) => { };
        api.ErrorDataReceived += (_, _) => { };
        api.BeginOutputReadLine();
        api.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            for (var i = 0; i < 100 && !(await TryGet(http, "/health")); i++) await Task.Delay(300);

            Console.WriteLine($"API under wrk (2 threads, 32 connections, 10 s each after a 3 s warm-up), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, two years of nights held:");
            foreach (var path in new[] { "/alive", "/api/v1/users/bench-user/sleep?days=30", "/api/v1/users/bench-user/sleep?days=365" })
            {
                await Wrk(port, path, TimeSpan.FromSeconds(3));
                var output = await Wrk(port, path, TimeSpan.FromSeconds(10));
                Console.WriteLine($"  {path,-42} {Field(output, RequestsPerSecond()),10} req/s   p50 {Percentile(output, "50"),9}   p99 {Percentile(output, "99"),9}   non-2xx: {(NonSuccess().Match(output) is { Success: true } m ? m.Groups[1].Value : "0")}");
            }
        }
        finally
        {
            api.Kill(entireProcessTree: true);
            await database.DisposeAsync();
        }
    }

    private static async Task<string> Wrk(int port, string path, TimeSpan duration)
    {
        var result = await ProcessRunner.RunAsync("wrk", ["-t2", "-c32", $"-d{(int)duration.TotalSeconds}s", "--latency", "-H", $"X-API-Key: {Key}", $"http://127.0.0.1:{port}{path}"],
            timeout: duration + TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0) throw new InvalidOperationException("wrk failed (install it: apt-get install wrk):\n" + result.Output);
        return result.Output;
    }

    private static async Task<bool> TryGet(HttpClient http, string path)
    {
        try { return (await http.GetAsync(path)).IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
    }

    private static async Task SeedTwoYearsAsync(TestDatabase database)
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

    private static string Field(string output, Regex pattern) => pattern.Match(output) is { Success: true } m ? m.Groups[1].Value : "?";

    private static string Percentile(string output, string p) =>
        Regex.Match(output, $@"^\s*{p}%\s+(\S+)", RegexOptions.Multiline) is { Success: true } m ? m.Groups[1].Value : "?";

    [GeneratedRegex(@"Requests/sec:\s+(\S+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();
}
