using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AccessLink;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.AccessLink;

/// <summary>Polar's rules as the emulator enforces them, seen through the client (a fresh emulator per class).</summary>
public sealed class EmulatorRuleTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [InlineData("/v3/users/activities?from=2020-01-01&to=2020-01-05")] // older than 365 days
    [InlineData("/v3/users/activities?from={-40}&to={-1}")] // more than 28 days
    [InlineData("/v3/users/activities?from={-1}&to={-5}")] // from after to
    [InlineData("/v3/users/activities?from=yesterday&to={-1}")] // not a date
    [InlineData("/v3/users/continuous-heart-rate?from={-3}")] // to missing
    [InlineData("/v3/users/cardio-load/period/days/181")]
    [InlineData("/v3/users/cardio-load/period/months/7")]
    [InlineData("/v3/users/sleepwise/alertness/date?from={-30}&to={-1}")]
    [InlineData("/v3/users/activities/{-400}")]
    [InlineData("/v3/users/sleep/2026-13-40")]
    public async Task BadOrTooLongRangesAre400(string path)
    {
        var user = await emulator.CreateUserAsync();
        using var http = Authorized(user);

        var response = await http.GetAsync(Dates(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"status\":400", await response.Content.ReadAsStringAsync()); // Polar's error body
    }

    [Theory]
    [InlineData("/v3/users/sleep/{-40}", HttpStatusCode.NotFound)] // gone from the 28-day window
    [InlineData("/v3/users/nightly-recharge/{+3}", HttpStatusCode.NotFound)]
    [InlineData("/v3/users/continuous-heart-rate/{+3}", HttpStatusCode.NotFound)]
    [InlineData("/v3/users/activities/{+3}", HttpStatusCode.NoContent)]
    [InlineData("/v3/users/activities/samples/{+3}", HttpStatusCode.NoContent)]
    [InlineData("/v3/users/sleepwise/alertness/date?from={+2}&to={+3}", HttpStatusCode.NoContent)]
    [InlineData("/v3/users/biosensing/spo2?from={+2}&to={+3}", HttpStatusCode.NoContent)]
    [InlineData("/v3/exercises/unknown", HttpStatusCode.NotFound)]
    public async Task NoDataIs204Or404AsPolarDocumentsPerEndpoint(string path, HttpStatusCode expected)
    {
        var user = await emulator.CreateUserAsync();
        using var http = Authorized(user);

        Assert.Equal(expected, (await http.GetAsync(Dates(path))).StatusCode);
    }

    [Fact]
    public async Task ActivitiesReachBack365DaysButSleepOnly28()
    {
        var user = await emulator.CreateUserAsync();
        var client = emulator.Client();

        var old = await client.ListActivitiesAsync(user.AccessToken, Today.AddDays(-190), Today.AddDays(-180));

        Assert.Equal(11, old.Count);
        Assert.Null(await client.GetNightlyRechargeAsync(user.AccessToken, Today.AddDays(-29)));
        Assert.NotNull(await client.GetNightlyRechargeAsync(user.AccessToken, Today.AddDays(-26)));
    }

    [Fact]
    public async Task RateLimitHeadersCountEveryCallAnd429StopsTheClientUntilTheReset()
    {
        await using var own = new EmulatorFactory();
        var user = await own.CreateUserAsync();
        await own.AdminAsync(HttpMethod.Put, "/admin/settings", new { ShortWindowBaseLimit = 1, ShortWindowPerUser = 2 });
        var observed = new List<RateLimitState>();
        var client = own.ClientServices([new Observer(observed)]).GetRequiredService<AccessLinkClient>();

        await client.ListSleepAsync(user.AccessToken);
        await client.ListNightlyRechargeAsync(user.AccessToken);
        await client.ListCardioLoadAsync(user.AccessToken);
        var limited = await Assert.ThrowsAsync<AccessLinkException>(() => client.ListSleepAsync(user.AccessToken));
        await own.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = "00:15:01" });
        await own.CreateUserAsync();
        await client.ListSleepAsync(user.AccessToken);

        // base + per-user × registered users, as Polar's formula (500 + 20·N) with test-sized numbers: 1 + 2·1 = 3.
        Assert.Equal([1, 2, 3], observed.Take(3).Select(o => o.ShortUsage));
        Assert.All(observed.Take(4), o => Assert.Equal(3, o.ShortLimit));
        Assert.Equal(5 , observed[^1].ShortLimit); // a second registered user: 1 + 2·2
        Assert.Equal(5100, observed[0].LongLimit); // 5000 + 100·1
        Assert.Equal([1, 2, 3, 3], observed.Take(4).Select(o => o.ShortUsage)); // the 429 answer carried the headers too
        Assert.Equal(AccessLinkErrorKind.RateLimited, limited.Kind);
        Assert.InRange(limited.RateLimit!.ShortReset.TotalSeconds, 1, 900);
        Assert.Equal(1, observed[^1].ShortUsage); // a new window after the reset
    }

    [Fact]
    public async Task ServerErrorsAreRetriedButRateLimitsAndClientErrorsAreNot()
    {
        await using var own = new EmulatorFactory();
        var user = await own.CreateUserAsync();
        var observed = new List<RateLimitState>();
        var client = own.ClientServices([new Observer(observed)]).GetRequiredService<AccessLinkClient>();

        await own.AdminAsync(HttpMethod.Put, "/admin/faults", new { ServerErrorRate = 1.0 });
        var serverError = await Assert.ThrowsAsync<AccessLinkException>(() => client.ListSleepAsync(user.AccessToken));
        var afterErrors = observed[^1].ShortUsage;
        await own.AdminAsync(HttpMethod.Put, "/admin/faults", new { Burst429 = 1 });
        var limited = await Assert.ThrowsAsync<AccessLinkException>(() => client.ListSleepAsync(user.AccessToken));
        var afterBurst = observed[^1].ShortUsage;
        await Assert.ThrowsAsync<AccessLinkException>(() => client.ListActivitiesAsync(user.AccessToken, Today.AddDays(-60), Today));
        var afterBadRequest = observed[^1].ShortUsage;

        Assert.Equal(AccessLinkErrorKind.ServerError, serverError.Kind);
        Assert.Equal(4, afterErrors); // one try and three retries
        Assert.Equal(AccessLinkErrorKind.RateLimited, limited.Kind);
        Assert.Equal(afterErrors + 1, afterBurst);
        Assert.Equal(afterBurst + 1, afterBadRequest);
    }

    [Fact]
    public async Task TruncatedJsonAndDroppedConnectionsBecomeClearErrors()
    {
        await using var own = new EmulatorFactory();
        var user = await own.CreateUserAsync();
        var client = own.Client();

        await own.AdminAsync(HttpMethod.Put, "/admin/faults", new { MalformedRate = 1.0 });
        var malformed = await Assert.ThrowsAsync<AccessLinkException>(() => client.ListSleepAsync(user.AccessToken));
        await own.AdminAsync(HttpMethod.Put, "/admin/faults", new { DropRate = 1.0 });
        var dropped = await Assert.ThrowsAsync<AccessLinkException>(() => client.ListSleepAsync(user.AccessToken));
        await own.AdminAsync(HttpMethod.Put, "/admin/faults", new { });
        var healthy = await client.ListSleepAsync(user.AccessToken);

        Assert.Equal(AccessLinkErrorKind.MalformedResponse, malformed.Kind);
        Assert.Equal(AccessLinkErrorKind.ServerError, dropped.Kind);
        Assert.NotEmpty(healthy);
    }

    [Fact]
    public async Task LatencyIsAddedWhenConfigured()
    {
        await using var own = new EmulatorFactory();
        var user = await own.CreateUserAsync();
        await own.AdminAsync(HttpMethod.Put, "/admin/faults", new { LatencyMilliseconds = 300 });
        using var http = new HttpClient(own.Server.CreateHandler()) { BaseAddress = own.Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);

        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = (await http.GetAsync("/v3/users/physical-info")).EnsureSuccessStatusCode();

        Assert.Equal("latency", response.Headers.GetValues("X-Emulator-Fault").Single());
        // A lower bound only, with slack for timer resolution: the point is that the delay happened at all.
        Assert.True(started.ElapsedMilliseconds >= 250, $"answered after {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task AConfiguredRefusalRedirectsWithAccessDenied()
    {
        await using var own = new EmulatorFactory();
        await own.AdminAsync(HttpMethod.Put, "/admin/settings", new { DenyConsent = true });
        using var browser = own.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await browser.GetAsync(own.Partner().BuildAuthorizationUrl("st", "http://localhost/cb").PathAndQuery);

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("access_denied", query["error"]);
        Assert.Equal("st", query["state"]);
        Assert.False(query.ContainsKey("code"));
    }

    private HttpClient Authorized(EmulatorFactory.TestUser user)
    {
        var http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", user.AccessToken);
        return http;
    }

    /// <summary>`{-40}` is the date 40 days ago, `{+3}` in three days.</summary>
    private static string Dates(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{([+-]\d+)\}", m => Today.AddDays(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private sealed class Observer(List<RateLimitState> seen) : IRateLimitObserver
    {
        public void Observe(RateLimitState state)
        {
            lock (seen) seen.Add(state);
        }
    }
}
