using System.Globalization;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PolarFlow.Tests.Web;

/// <summary>
/// The dashboard's pages for the demo athlete in a real Chromium: the numbers a person reads equal the API's answers
/// (fetched here with the admin key, formatted the way the page says it formats them), the charts are drawn with
/// data, axe finds nothing serious, and nothing is loaded from outside PolarFlow.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardPagesTests(DashboardFixture fx)
{
    private const string User = DashboardFixture.DemoUser;
    private static readonly string[] Pages = ["today", "recovery", "sleep", "training", "activity", "data", "settings"];

    [Fact]
    public async Task TodayShowsTheApisReadinessHrvBaselineSleepDebtAndForm()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"/u/{User}/today");
        var asOf = await page.GetAttributeAsync("[data-as-of]", "data-as-of");
        var summary = (await fx.ApiGetAsync($"/api/v1/users/{User}/analytics/summary?as_of={asOf}")).GetProperty("result");

        Assert.Equal(F(summary, "readiness", "score", 0), await Stat(page, "readiness"));
        Assert.Equal(F(summary, "hrv", "baseline7", 2), await Stat(page, "hrv-baseline"));
        Assert.Equal(Minutes(summary.GetProperty("sleepDebt").GetProperty("weightedDebtMinutes").GetDouble()), await Stat(page, "sleep-debt"));
        Assert.Equal(F(summary, "trainingLoad", "tsb", 1), await Stat(page, "tsb"));
        Assert.NotEqual("—", await Stat(page, "readiness")); // the demo athlete has a year of nights: a score, not a gap

        // Every readiness component is a row with its z-score, as the API lists them.
        var readiness = (await fx.ApiGetAsync($"/api/v1/users/{User}/analytics/readiness?as_of={asOf}&days=1")).GetProperty("result").GetProperty("today");
        foreach (var component in readiness.GetProperty("components").EnumerateArray())
        {
            var row = page.Locator($"tr[data-component=\"{component.GetProperty("name").GetString()}\"] td").Nth(2);
            var z = component.GetProperty("z");
            Assert.Equal(z.ValueKind == JsonValueKind.Number ? (z.GetDouble() > 0 ? "+" : "") + z.GetDouble().ToString("F2", CultureInfo.InvariantCulture) : "—",
                (await row.InnerTextAsync()).Trim());
        }
    }

    [Fact]
    public async Task TrainingShowsTheApisCtlAtlTsbAndAnExercisePageItsDistanceAndRoute()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"/u/{User}/training");
        var today = (await fx.ApiGetAsync($"/api/v1/users/{User}/analytics/training-load?days=1")).GetProperty("result").GetProperty("today");
        Assert.Equal(today.GetProperty("ctl").GetDouble().ToString("F1", CultureInfo.InvariantCulture), await Stat(page, "ctl"));
        Assert.Equal(today.GetProperty("atl").GetDouble().ToString("F1", CultureInfo.InvariantCulture), await Stat(page, "atl"));
        Assert.Equal(today.GetProperty("tsb").GetDouble().ToString("F1", CultureInfo.InvariantCulture), await Stat(page, "tsb"));

        var exercises = (await fx.ApiGetAsync($"/api/v1/users/{User}/exercises?days=30")).GetProperty("items").EnumerateArray().ToList();
        var run = exercises.Last(e => e.GetProperty("hasRoute").GetBoolean() && e.GetProperty("distance").ValueKind == JsonValueKind.Number);
        var id = run.GetProperty("id").GetString()!;
        await page.ClickAsync($"tr[data-exercise=\"{id}\"] a");
        await page.WaitForURLAsync($"**/training/{id}");
        // The page writes metres as kilometres with two decimals.
        Assert.Equal((run.GetProperty("distance").GetDouble() / 1000).ToString("F2", CultureInfo.InvariantCulture) + " km", await Stat(page, "distance"));
        var points = await page.GetAttributeAsync(".route-line", "points");
        var route = await fx.ApiGetAsync($"/api/v1/users/{User}/exercises/{id}/route");
        Assert.Equal(route.GetProperty("pointCount").GetInt32(), points!.Split(' ').Length);
        await AssertChartsDrawnAsync(page, expectedCharts: 3);
        Assert.Equal(5, await page.Locator("tr[data-zone]").CountAsync());
    }

    [Fact]
    public async Task SleepShowsTheApisDebtAndRegularityAndANightPageDrawsItsHypnogram()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"/u/{User}/sleep");
        var sleep = (await fx.ApiGetAsync($"/api/v1/users/{User}/analytics/sleep?days=1")).GetProperty("result");
        Assert.Equal(Minutes(sleep.GetProperty("debt").GetProperty("weightedDebtMinutes").GetDouble()), await Stat(page, "sleep-debt"));
        Assert.Equal(sleep.GetProperty("regularity").GetProperty("sri").GetDouble().ToString("F0", CultureInfo.InvariantCulture), await Stat(page, "sri"));

        var nights = (await fx.ApiGetAsync($"/api/v1/users/{User}/sleep?days=7")).GetProperty("nights");
        var last = nights[nights.GetArrayLength() - 1];
        await page.ClickAsync($"a[href$=\"/sleep/{last.GetProperty("date").GetString()}\"]");
        Assert.Equal(last.GetProperty("sleepScore").GetInt32().ToString(CultureInfo.InvariantCulture), await Stat(page, "score"));
        await AssertChartsDrawnAsync(page, expectedCharts: 2);
    }

    [Fact]
    public async Task EveryPageDrawsItsChartsWithData()
    {
        var page = await fx.NewPageAsync();
        foreach (var (name, charts) in new[] { ("recovery", 3), ("sleep", 3), ("training", 4), ("activity", 3) })
        {
            await page.GotoAsync($"/u/{User}/{name}?days=90");
            await AssertChartsDrawnAsync(page, charts);
        }
    }

    [Fact]
    public async Task NoPageHasASeriousOrCriticalAccessibilityViolationAtDesktopOrPhoneWidth()
    {
        var failures = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            var page = await fx.NewPageAsync(width: width);
            foreach (var name in Pages.Append("sign-in"))
            {
                await page.GotoAsync(name == "sign-in" ? "/sign-in" : $"/u/{User}/{name}");
                var result = await page.RunAxe();
                failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                    .Select(v => $"{width}px {name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))}"));
            }
            await page.Context.CloseAsync();
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task NoPageLoadsAnythingFromOutsidePolarFlowAndEveryPageCarriesTheCsp()
    {
        var page = await fx.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        foreach (var name in Pages)
        {
            var response = await page.GotoAsync($"/u/{User}/{name}");
            var csp = await response!.HeaderValueAsync("content-security-policy");
            Assert.NotNull(csp);
            Assert.Contains("default-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        var outside = requests.Where(url => !url.StartsWith(fx.Web.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, "Requests outside PolarFlow: " + string.Join(", ", outside));
        Assert.Contains(requests, url => url.Contains("/lib/uplot/", StringComparison.Ordinal)); // the chart library, from the app itself
    }

    [Fact]
    public async Task TheApisFrontDoorSendsABrowserToTheDashboard()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = fx.Api.BaseAddress };
        var response = await http.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(fx.Web.GetLeftPart(UriPartial.Authority), response.Headers.Location!.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Every chart of the page is drawn: uPlot's canvas exists and holds painted pixels for points from the API.</summary>
    internal static async Task AssertChartsDrawnAsync(IPage page, int expectedCharts)
    {
        var charts = page.Locator("[data-chart]");
        Assert.Equal(expectedCharts, await charts.CountAsync());
        for (var i = 0; i < expectedCharts; i++)
        {
            var chart = charts.Nth(i);
            await Assertions.Expect(chart).ToHaveAttributeAsync("data-drawn", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
            var painted = await chart.EvaluateAsync<int>(@"el => {
                const c = el.querySelector('canvas'); if (!c) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }");
            Assert.True(painted > 500, $"chart {i} of {page.Url} has {painted} painted pixels");
        }
    }

    internal static async Task<string> Stat(IPage page, string name) => (await page.InnerTextAsync($"[data-stat=\"{name}\"] .value")).Trim();

    private static string F(JsonElement summary, string group, string field, int decimals) =>
        summary.GetProperty(group).GetProperty(field) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble().ToString("F" + decimals, CultureInfo.InvariantCulture) : "—";

    /// <summary>The page's minutes: "N min" under an hour, else "H h MM min", rounded to the minute.</summary>
    private static string Minutes(double minutes)
    {
        var total = (int)Math.Round(Math.Abs(minutes));
        return (minutes < 0 ? "−" : "") + (total >= 60 ? $"{total / 60} h {total % 60:00} min" : $"{total} min");
    }
}
