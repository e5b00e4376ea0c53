using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The dashboard on five years of one athlete: the ApiService and the web as their own processes (Release) on real
/// PostgreSQL and Redis, an owner signed in through the sign-in form, then each page loaded 21 times (the first
/// fills the API's cache and is reported apart): the server time to the whole HTML, median and p95, and the
/// JavaScript a page loads (bytes on disk, and as served compressed).
/// </summary>
public static partial class WebBenchmark
{
    private const string WebKey = "bench-web-key-0123456789abcdef-0123";
    private static readonly string[] Pages = ["today", "recovery", "recovery?days=3650", "sleep", "training", "training?days=365", "activity", "data", "settings"];

    public static async Task RunAsync(string apiDll, string webDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var rows = await AnalyticsBenchmark.SeedAsync(database, today);
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, .NET {Environment.Version}; five years stored: {rows}");
            await using var api = await ApiProcess.StartAsync(apiDll, database, new Dictionary<string, string> { ["PolarFlow__WebApiKey"] = WebKey });
            await using var web = await ApiProcess.StartAsync(webDll, database, new Dictionary<string, string>
            {
                ["PolarFlow__WebApiKey"] = WebKey, ["PolarFlow__Web__ApiBaseUrl"] = $"http://127.0.0.1:{api.Port}",
                ["PolarFlow__Web__KeysDirectory"] = Path.Combine(Path.GetTempPath(), "pf-bench-web-keys-" + Guid.NewGuid().ToString("N")),
                // Published, as a container runs it: outside Development only a published wwwroot is served (a build
                // output's static-asset endpoints answered 200 with no body, and the JS columns printed 0).
                ["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(Path.GetFullPath(webDll))!,
            });
            using var http = await SignInAsync(api.Port, web.Port);
            Console.WriteLine($"{"page",-22} {"first (ms)",10} {"median (ms)",12} {"p95 (ms)",9} {"HTML (KB)",10} {"JS (KB)",8} {"JS gz (KB)",11}");
            foreach (var page in Pages)
            {
                var times = new List<double>();
                string html = "";
                for (var i = 0; i < 21; i++)
                {
                    var watch = Stopwatch.StartNew();
                    html = await http.GetStringAsync($"/u/{AnalyticsBenchmark.UserId}/{page}");
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                var (js, gz) = await ScriptWeightAsync(web.Port, html);
                var rest = times[1..].Order().ToList();
                Console.WriteLine($"{page,-22} {times[0],10:F1} {rest[rest.Count / 2],12:F1} {rest[(int)Math.Ceiling(rest.Count * 0.95) - 1],9:F1} "
                    + $"{html.Length / 1024.0,10:F1} {js / 1024.0,8:F1} {gz / 1024.0,11:F1}");
            }
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>Sets the owner up through the API's people routes (as the web does) and signs in through the web's form.</summary>
    private static async Task<HttpClient> SignInAsync(int apiPort, int webPort)
    {
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        api.DefaultRequestHeaders.Add("X-API-Key", WebKey);
        var link = await (await api.PostAsync("/api/v1/people/setup-link", null)).Content.ReadFromJsonAsync<JsonElement>();
        (await api.PostAsJsonAsync("/api/v1/people", new { token = link.GetProperty("token").GetString(), username = "bench", password = "bench password 1" }))
            .EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/people/invitations", new { userId = AnalyticsBenchmark.UserId })).EnsureSuccessStatusCode(); // the user exists

        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
        var form = await http.GetStringAsync("/sign-in");
        var token = TokenPattern().Match(form).Groups[1].Value;
        var signIn = await http.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.Username"] = "bench", ["Form.Password"] = "bench password 1",
        }));
        if (!signIn.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/u/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Sign-in did not land on a dashboard page: {signIn.RequestMessage.RequestUri}");
        return http;
    }

    private static async Task<(long Bytes, long Gzip)> ScriptWeightAsync(int webPort, string html)
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
        long bytes = 0, gzip = 0;
        foreach (Match m in ScriptPattern().Matches(html))
        {
            var script = await http.GetAsync("/" + m.Groups[1].Value);
            var body = await script.Content.ReadAsByteArrayAsync();
            if (!script.IsSuccessStatusCode || body.Length == 0 || script.Content.Headers.ContentType?.MediaType != "text/javascript")
            {
                throw new InvalidOperationException($"{m.Groups[1].Value} was not served: {(int)script.StatusCode}, {body.Length} bytes, "
                    + $"{script.Content.Headers.ContentType}");
            }
            bytes += body.Length;
            using var request = new HttpRequestMessage(HttpMethod.Get, "/" + m.Groups[1].Value);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            gzip += (await (await http.SendAsync(request)).Content.ReadAsByteArrayAsync()).Length;
        }
        return (bytes, gzip);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptPattern();
}
