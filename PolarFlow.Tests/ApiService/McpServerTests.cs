using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// `/mcp` through the SDK's own client over Streamable HTTP, for an emulator athlete after a real first sync: every
/// analytic tool answers the REST API's JSON (from the same cache: REST then says `hit`), keys reach only what they
/// may, and bad arguments are tool errors that say what to change.
/// </summary>
public sealed class McpServerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Dictionary<string, string> AnalyticTools = new()
    {
        ["today_summary"] = "summary", ["hrv_status"] = "hrv", ["readiness"] = "readiness", ["sleep_debt_and_regularity"] = "sleep",
        ["training_load"] = "training-load", ["early_warning"] = "early-warning", ["anomalies"] = "anomalies", ["insights"] = "insights",
    };

    [Fact]
    public async Task EveryAnalyticToolAnswersTheRestApisNumbersFromTheSameCacheWithALineToQuote()
    {
        var (userId, key) = await SyncedAthleteAsync();
        await using var mcp = await ConnectAsync(key);
        using var rest = api.CreateAdminClient();

        var tools = await mcp.ListToolsAsync();
        Assert.Superset(AnalyticTools.Keys.Concat(["sync_status", "trigger_sync", "sleep_night", "list_exercises", "get_exercise",
            "metric_series", "compare_periods", "data_coverage"]).ToHashSet(), tools.Select(t => t.Name).ToHashSet());
        Assert.All(tools, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Description), $"{t.Name} has no description");
            Assert.True(t.JsonSchema.GetProperty("properties").TryGetProperty("user_id", out _), $"{t.Name} takes no user_id");
        });

        var documented = Fields(JsonNode.Parse(await rest.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!).ToHashSet();
        foreach (var (tool, analytic) in AnalyticTools)
        {
            var answer = await CallAsync(mcp, tool, new() { ["as_of"] = null });
            var response = await rest.GetAsync($"/api/v1/users/{userId}/analytics/{analytic}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("hit", response.Headers.GetValues("X-Cache").Single()); // the tool computed and cached it; REST read it
            var expected = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(JsonNode.DeepEquals(expected, answer["analytic"]), $"{tool} differs from GET analytics/{analytic}");
            Assert.StartsWith($"As of {expected!["asOf"]}: ", answer["say"]!.GetValue<string>());
            if (analytic != "insights")
            {
                // Every unit is for a field the answer may have: one the API's documented schemas name (a typo fails).
                Assert.NotEmpty(answer["units"]!.AsObject());
                Assert.All(answer["units"]!.AsObject(), u => Assert.Contains(u.Key, documented));
            }
        }

        // The line quotes the evidence: today's readiness score as the answer states it.
        var summary = await CallAsync(mcp, "today_summary", []);
        var score = summary["analytic"]!["result"]!["readiness"]!["score"];
        var say = summary["say"]!.GetValue<string>();
        if (score is not null) Assert.Contains($"readiness {score.GetValue<double>():F0}/100", say);
        else Assert.Contains("readiness unknown", say);

        // A longer series is the REST one with the same days.
        var hrv90 = await CallAsync(mcp, "hrv_status", new() { ["days"] = 90 });
        var restHrv90 = JsonNode.Parse(await rest.GetStringAsync($"/api/v1/users/{userId}/analytics/hrv?days=90"));
        Assert.True(JsonNode.DeepEquals(restHrv90, hrv90["analytic"]));
        Assert.Equal(90, hrv90["analytic"]!["result"]!["series"]!.AsArray().Count);
    }

    [Fact]
    public async Task SyncStatusIsTheRestStatusAndTriggerSyncQueuesAJob()
    {
        var (userId, key) = await SyncedAthleteAsync();
        await using var mcp = await ConnectAsync(key);
        using var rest = api.CreateAdminClient();

        var status = await CallAsync(mcp, "sync_status", []);
        var expected = JsonNode.Parse(await rest.GetStringAsync($"/api/v1/users/{userId}/sync/status"));
        Assert.True(JsonNode.DeepEquals(expected, status["answer"]));
        Assert.Contains("Polar is Connected", status["say"]!.GetValue<string>());

        var triggered = await CallAsync(mcp, "trigger_sync", []);
        await using var db = api.Database.CreateDbContext();
        var job = await db.SyncJobs.AsNoTracking().OrderByDescending(j => j.QueuedAt).FirstAsync(j => j.UserId == userId);
        Assert.Equal(SyncJobTrigger.Manual, job.Trigger);
        Assert.Equal(job.Id.ToString(), triggered["answer"]!["id"]!.GetValue<string>());
        Assert.StartsWith("A sync of every data type is Queued", triggered["say"]!.GetValue<string>());
    }

    [Fact]
    public async Task DataToolsAnswerTheRestRecordsAndMetricsRecomputedFromTheDatabase()
    {
        var (userId, key) = await SyncedAthleteAsync();
        await using var mcp = await ConnectAsync(key);
        using var rest = api.CreateAdminClient();
        await using var db = api.Database.CreateDbContext();
        var nights = await db.Sleep.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Date).OrderBy(d => d).ToListAsync();
        var recharge = await db.NightlyRecharge.AsNoTracking().Where(n => n.UserId == userId && n.HeartRateVariabilityAvg != null)
            .Select(n => new { n.Date, Value = (double)n.HeartRateVariabilityAvg!.Value }).OrderBy(n => n.Date).ToListAsync();
        Assert.True(nights.Count >= 20 && recharge.Count >= 20, "the first sync stored few nights");

        var coverage = await CallAsync(mcp, "data_coverage", []);
        var sleep = coverage["answer"]!["kinds"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == "sleep")!;
        Assert.Equal(Iso(nights[0]), sleep["first"]!.GetValue<string>());
        Assert.Equal(Iso(nights[^1]), sleep["last"]!.GetValue<string>());
        Assert.Equal(nights.Count, sleep["days"]!.GetValue<int>());

        var night = await CallAsync(mcp, "sleep_night", new() { ["date"] = Iso(nights[^1]) });
        var restNight = JsonNode.Parse(await rest.GetStringAsync($"/api/v1/users/{userId}/sleep/{Iso(nights[^1])}"));
        Assert.True(JsonNode.DeepEquals(restNight, night["answer"]));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (from, to) = (Iso(today.AddDays(-3000)), Iso(today.AddDays(1)));
        var listed = await CallAsync(mcp, "list_exercises", new() { ["from"] = from, ["to"] = to });
        var restListed = JsonNode.Parse(await rest.GetStringAsync($"/api/v1/users/{userId}/exercises?from={from}&to={to}"))!;
        Assert.True(JsonNode.DeepEquals(restListed["items"], listed["answer"]!["items"]));
        var items = restListed["items"]!.AsArray();
        Assert.NotEmpty(items);
        var sport = items[0]!["sport"]!.GetValue<string>();
        var ofSport = await CallAsync(mcp, "list_exercises", new() { ["from"] = from, ["to"] = to, ["sport"] = sport.ToLowerInvariant() });
        Assert.Equal(items.Count(i => i!["sport"]?.GetValue<string>() == sport), ofSport["answer"]!["count"]!.GetValue<int>());
        var id = items[0]!["id"]!.GetValue<string>();
        var one = await CallAsync(mcp, "get_exercise", new() { ["id"] = id });
        var restOne = JsonNode.Parse(await rest.GetStringAsync($"/api/v1/users/{userId}/exercises/{id}"));
        Assert.True(JsonNode.DeepEquals(restOne, one["answer"]));

        // Metrics, recomputed here from the stored rows: daily values, Monday-to-Sunday means, two periods.
        var (first, last) = (recharge[0].Date, recharge[^1].Date);
        var daily = await CallAsync(mcp, "metric_series", new() { ["metric"] = "rmssd", ["from"] = Iso(first), ["to"] = Iso(last) });
        Assert.Equal(recharge.Select(r => Math.Round(r.Value, 2)),
            daily["answer"]!["values"]!.AsArray().Select(v => v!["mean"]!.GetValue<double>()));
        var weekly = await CallAsync(mcp, "metric_series", new()
        {
            ["metric"] = "rmssd", ["from"] = Iso(first), ["to"] = Iso(last), ["aggregation"] = "weekly",
        });
        var weeks = recharge.GroupBy(r => r.Date.AddDays(-(((int)r.Date.DayOfWeek + 6) % 7)))
            .Select(g => (Monday: Iso(g.Key), Mean: Math.Round(g.Average(r => r.Value), 2), Days: g.Count())).ToList();
        Assert.Equal(weeks, weekly["answer"]!["values"]!.AsArray()
            .Select(v => (v!["from"]!.GetValue<string>(), v["mean"]!.GetValue<double>(), v["days"]!.GetValue<int>())).ToList());
        var middle = first.AddDays((last.DayNumber - first.DayNumber) / 2);
        var compared = await CallAsync(mcp, "compare_periods", new()
        {
            ["metric"] = "rmssd", ["first_from"] = Iso(first), ["first_to"] = Iso(middle),
            ["second_from"] = Iso(middle.AddDays(1)), ["second_to"] = Iso(last),
        });
        var a = recharge.Where(r => r.Date <= middle).Average(r => r.Value);
        var b = recharge.Where(r => r.Date > middle).Average(r => r.Value);
        Assert.Equal(Math.Round(a, 2), compared["answer"]!["first"]!["mean"]!.GetValue<double>());
        Assert.Equal(Math.Round(b, 2), compared["answer"]!["second"]!["mean"]!.GetValue<double>());
        Assert.Equal(Math.Round(Math.Round(b, 2) - Math.Round(a, 2), 2), compared["answer"]!["difference"]!.GetValue<double>(), 2);

        await IsToolErrorAsync(mcp, "metric_series", new() { ["metric"] = "vo2" }, "metric is one of rmssd");
        await IsToolErrorAsync(mcp, "metric_series", new() { ["metric"] = "rmssd", ["aggregation"] = "yearly" },
            "aggregation is daily, weekly or monthly");
        await IsToolErrorAsync(mcp, "metric_series", new() { ["metric"] = "rmssd", ["from"] = "1990-01-01", ["to"] = "2026-01-01" },
            "at most 3650 days");
        await IsToolErrorAsync(mcp, "list_exercises", new() { ["from"] = "2026-02-01", ["to"] = "2026-01-01" }, "is after to");
        await IsToolErrorAsync(mcp, "get_exercise", new() { ["id"] = "no-such-session" }, "list_exercises gives the ids");
        await IsToolErrorAsync(mcp, "sleep_night", new() { ["date"] = "2001-01-01" }, "data_coverage shows which nights");
    }

    private static IEnumerable<string> Fields(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [p.Key] : Fields(p.Value).Append(p.Key)),
        JsonArray a => a.Where(x => x is not null).SelectMany(x => Fields(x!)),
        _ => [],
    };

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheWeeklyReviewPromptWalksTheWeekThroughTheTools()
    {
        var (_, key) = await UserWithKeyAsync("mcp-review-" + Guid.NewGuid().ToString("N")[..6]);
        await using var mcp = await ConnectAsync(key);

        var prompts = await mcp.ListPromptsAsync();
        Assert.Contains(prompts, p => p.Name == "weekly_review" && !string.IsNullOrWhiteSpace(p.Description));
        var review = await mcp.GetPromptAsync("weekly_review", new Dictionary<string, object?> { ["week_ending"] = "2026-11-29" });
        var text = Assert.IsType<TextContentBlock>(Assert.Single(review.Messages).Content).Text;
        Assert.Contains("from 2026-11-23 to 2026-11-29", text);
        Assert.Contains("first 2026-11-16 to 2026-11-22, second 2026-11-23 to 2026-11-29", text);
        var tools = (await mcp.ListToolsAsync()).Select(t => t.Name).ToHashSet();
        foreach (var named in new[] { "today_summary", "compare_periods", "training_load", "list_exercises", "early_warning", "anomalies" })
        {
            Assert.Contains(named, text);
            Assert.Contains(named, tools); // the prompt names only tools that exist
        }
        await Assert.ThrowsAnyAsync<ModelContextProtocol.McpException>(() =>
            mcp.GetPromptAsync("weekly_review", new Dictionary<string, object?> { ["week_ending"] = "last sunday" }).AsTask());
    }

    [Fact]
    public async Task KeysReachOnlyTheirUserAndBadArgumentsAreToolErrorsThatSayWhatToChange()
    {
        var (userId, key) = await SyncedAthleteAsync();
        var (otherId, _) = await UserWithKeyAsync("mcp-other-" + Guid.NewGuid().ToString("N")[..6]);
        await using var mine = await ConnectAsync(key);
        using var admin = api.CreateAdminClient();
        var service = await api.CreateKeyAsync("service");
        await using var withService = await ConnectAsync(service);

        await IsToolErrorAsync(mine, "today_summary", new() { ["user_id"] = otherId }, $"answers for user '{userId}' only");
        await IsToolErrorAsync(mine, "sync_status", new() { ["user_id"] = otherId }, $"answers for user '{userId}' only");
        await IsToolErrorAsync(withService, "today_summary", [], "user_id is required");
        var nobody = "nobody-" + Guid.NewGuid().ToString("N");
        await IsToolErrorAsync(withService, "today_summary", new() { ["user_id"] = nobody }, "There is no user");
        await IsToolErrorAsync(mine, "hrv_status", new() { ["as_of"] = "yesterday" }, "as_of must be a date as YYYY-MM-DD");
        await IsToolErrorAsync(mine, "hrv_status", new() { ["as_of"] = "2999-01-01" }, "as_of must be from 2000-01-01 up to today");
        await IsToolErrorAsync(mine, "hrv_status", new() { ["days"] = 0 }, "days must be 1-365");
        await IsToolErrorAsync(mine, "hrv_status", new() { ["days"] = 366 }, "days must be 1-365");

        // A service key names the user and gets that user's answer.
        var named = await CallAsync(withService, "today_summary", new() { ["user_id"] = userId });
        Assert.Equal(userId, named["analytic"]!["userId"]!.GetValue<string>());

        // A numeric user id sent as a bare number (as the MCP Inspector's --tool-arg user_id=40000101 does) is still that user.
        var numericId = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000);
        await UserWithKeyAsync(numericId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var byNumber = await CallAsync(withService, "sync_status", new() { ["user_id"] = numericId });
        Assert.Equal(numericId.ToString(System.Globalization.CultureInfo.InvariantCulture), byNumber["answer"]!["userId"]!.GetValue<string>());

        // Without a key there is no MCP session at all.
        using var anonymous = api.CreateClient();
        var refused = await anonymous.PostAsync("/mcp", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // MCP calls spend the key's rate limit like REST requests.
        using var keyed = api.CreateKeyClient(key);
        keyed.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        keyed.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        var initialize = await keyed.PostAsync("/mcp", new StringContent("""
            {"jsonrpc":"2.0","id":1,"method":"initialize",
             "params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}
            """, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, initialize.StatusCode);
        Assert.True(initialize.Headers.Contains("RateLimit-Limit"), "an MCP call was not counted against the key's rate limit");
    }

    private async Task<(string UserId, string Key)> SyncedAthleteAsync()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        await using var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        var userId = await worker.ConnectAsync(polar);
        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();
        return (userId, await api.CreateKeyAsync("user", userId));
    }

    private async Task<(string UserId, string Key)> UserWithKeyAsync(string userId)
    {
        using var admin = api.CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (userId, await api.CreateKeyAsync("user", userId));
    }

    private async Task<McpClient> ConnectAsync(string key)
    {
        var http = api.CreateKeyClient(key);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    private static async Task<JsonObject> CallAsync(McpClient mcp, string tool, Dictionary<string, object?> arguments)
    {
        var result = await mcp.CallToolAsync(tool, arguments);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(result.IsError is not true, $"{tool} failed: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task IsToolErrorAsync(McpClient mcp, string tool, Dictionary<string, object?> arguments, string says)
    {
        var result = await mcp.CallToolAsync(tool, arguments);
        Assert.True(result.IsError, $"{tool} did not fail");
        Assert.Contains(says, Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
    }
}
