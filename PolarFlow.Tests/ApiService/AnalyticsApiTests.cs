using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>Athletes with 28 days of life when first synced, so Polar's 28/30-day windows hold all of it.</summary>
public sealed class AthleteApiFactory() : ApiFactory(historyDays: 28);

/// <summary>
/// The analytics over the emulator's synthetic athlete, synced by the real SyncWorker the way Polar allows: a first
/// sync, then one a week for eight weeks (Polar keeps 28-30 days, so weekly syncs lose nothing).
/// </summary>
public sealed class AnalyticsApiTests(AthleteApiFactory api) : IClassFixture<AthleteApiFactory>
{
    private async Task<(string UserId, JsonElement Truth)> SyncedAthleteAsync(int weeks)
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 28);
        await using var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        var userId = await worker.ConnectAsync(polar);
        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();
        for (var week = 0; week < weeks; week++)
        {
            var by = TimeSpan.FromDays(7);
            await api.Emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = by });
            worker.Time.Advance(by);
            api.Time.Advance(by);
            await worker.EnqueueAsync(userId);
            await worker.DrainAsync();
        }
        return (userId, await api.Emulator.TruthAsync(polar.PolarUserId));
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task IllnessHardTrainingAndRecoveryWeeksShowInTheSyncedAthletesAnalytics()
    {
        var (userId, truth) = await SyncedAthleteAsync(weeks: 8);
        var today = Date(truth.GetProperty("today"));
        var firstDay = Date(truth.GetProperty("first_day"));
        var illness = Date(truth.GetProperty("illness_start"));
        var lived = today.DayNumber - firstDay.DayNumber;
        using var client = api.CreateAdminClient();
        var u = $"/api/v1/users/{userId}/analytics";

        // Every night Polar still held at the first sync (its 28 days) and every one since reached the database.
        var firstSync = today.AddDays(-7 * 8);
        Assert.Equal(truth.GetProperty("nightly_recharge").EnumerateArray().Count(n => Date(n.GetProperty("date")) > firstSync.AddDays(-28)),
            (await GetAsync(client, $"/api/v1/users/{userId}/nightly-recharge?days=365")).GetProperty("count").GetInt32());

        // The illness raises a warning on its first or second night, and nothing did in the weeks before.
        var warning = (await GetAsync(client, $"{u}/early-warning?as_of={today:yyyy-MM-dd}&days={lived}")).GetProperty("result");
        var alerts = warning.GetProperty("alerts").EnumerateArray().Select(a => Date(a.GetProperty("date"))).ToList();
        Assert.DoesNotContain(alerts, d => d < illness);
        Assert.InRange(alerts.First(), illness, illness.AddDays(1));
        Assert.True(illness.DayNumber - firstDay.DayNumber >= 21, "the illness should come after three weeks of baseline");

        // The summary on the alert night says so too.
        var summary = (await GetAsync(client, $"{u}/summary?as_of={alerts.First():yyyy-MM-dd}")).GetProperty("result");
        Assert.Equal(JsonValueKind.Object, summary.GetProperty("activeWarning").ValueKind);

        // The plan is four-week blocks from the first day: three building weeks, then a recovery week.
        var load = (await GetAsync(client, $"{u}/training-load?as_of={today:yyyy-MM-dd}&days={lived}")).GetProperty("result");
        var days = load.GetProperty("days").EnumerateArray().ToDictionary(d => Date(d.GetProperty("date")));
        int Week(DateOnly d) => (d.DayNumber - firstDay.DayNumber) / 7;
        var hardDays = days.Where(kv => Week(kv.Key) % 4 != 3 && kv.Value.GetProperty("acwrEwma") is { ValueKind: JsonValueKind.Number } r && r.GetDouble() > 1.3).ToList();
        Assert.NotEmpty(hardDays);
        Assert.All(hardDays, kv => Assert.True(kv.Value.GetProperty("acwrZone").GetString() is "high" or "spike"));

        var recoveryWeeks = Enumerable.Range(0, lived / 7).Where(w => w % 4 == 3).ToList();
        Assert.True(recoveryWeeks.Count >= 2, "the synced life should hold two recovery weeks");
        foreach (var week in recoveryWeeks)
        {
            double Tsb(DateOnly d) => days[d].GetProperty("tsb").GetDouble();
            var (start, end) = (firstDay.AddDays(week * 7), firstDay.AddDays(week * 7 + 6));
            Assert.True(Tsb(end) > Tsb(start) + 5, $"recovery week {week}: TSB {Tsb(start):F1} → {Tsb(end):F1}");
        }
    }

    [Fact]
    public async Task EveryAnalyticAnswersWithItsDataVersionAndTheOptionsUsed()
    {
        var (userId, truth) = await SyncedAthleteAsync(weeks: 0);
        var today = Date(truth.GetProperty("today"));
        using var client = api.CreateAdminClient();

        foreach (var analytic in new[] { "hrv", "readiness", "sleep", "training-load", "early-warning", "anomalies", "insights", "summary" })
        {
            var body = await GetAsync(client, $"/api/v1/users/{userId}/analytics/{analytic}?as_of={today:yyyy-MM-dd}&swc_multiplier=1.0&sleep_need_minutes=450");
            Assert.Equal(analytic, body.GetProperty("analytic").GetString());
            Assert.True(body.GetProperty("dataVersion").GetInt64() > 0);
            Assert.True(body.GetProperty("computedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
            Assert.Equal(1.0, body.GetProperty("parameters").GetProperty("swcMultiplier").GetDouble());
            Assert.Equal(450, body.GetProperty("parameters").GetProperty("sleepNeedMinutes").GetDouble());
        }

        var sleep = (await GetAsync(client, $"/api/v1/users/{userId}/analytics/sleep?as_of={today:yyyy-MM-dd}&sleep_need_minutes=450")).GetProperty("result");
        Assert.Equal(("request", 450.0), (sleep.GetProperty("debt").GetProperty("needSource").GetString(), sleep.GetProperty("debt").GetProperty("needMinutes").GetDouble()));
        Assert.Equal("ok", sleep.GetProperty("debt").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, sleep.GetProperty("regularity").GetProperty("sri").ValueKind); // hypnograms every night
        var hrv = (await GetAsync(client, $"/api/v1/users/{userId}/analytics/hrv?as_of={today:yyyy-MM-dd}&days=7")).GetProperty("result");
        Assert.Equal(7, hrv.GetProperty("series").GetArrayLength());
    }

    [Theory]
    [InlineData("as_of=2026-13-01", "as_of")]
    [InlineData("as_of=2999-01-01", "as_of")]
    [InlineData("days=0", "days")]
    [InlineData("days=366", "days")]
    [InlineData("swc_multiplier=0.7", "swc_multiplier")]
    [InlineData("sleep_need_minutes=60", "sleep_need_minutes")]
    [InlineData("weekend_days=sat,funday", "weekend_days")]
    public async Task BadOptionsAreAProblemNamingTheParameter(string query, string parameter)
    {
        using var client = api.CreateAdminClient();

        var response = await client.GetAsync($"/api/v1/users/anyone/analytics/hrv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task AnUnknownUserIsNotFound()
    {
        using var client = api.CreateAdminClient();

        var response = await client.GetAsync("/api/v1/users/no-such-user/analytics/summary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
