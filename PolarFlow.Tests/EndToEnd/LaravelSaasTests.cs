using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using PolarFlow.AppHost.Infrastructure;
using PolarFlow.Tests.Infrastructure;
using PolarFlow.Tests.Web;

namespace PolarFlow.Tests.EndToEnd;

/// <summary>
/// The Laravel sample (samples/laravel, Debian's Laravel 8) run by the AppHost in SaaS mode against the emulator,
/// driven by a real browser. It finds the API through service discovery, calls it with the generated service key,
/// and keeps its accounts in its own schema of PolarFlow's database.
/// </summary>
public sealed class LaravelSaasTests
{
    private const string AdminKey = "laravel-test-admin-key-0123456789abcdef";

    [Fact]
    public async Task ALaravelUserConnectsThroughPolarSeesTheApisReadinessAndIsErasedWhenDeleted()
    {
        var dataDir = Directory.CreateTempSubdirectory("polarflow-laravel-").FullName;
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            var ct = cts.Token;
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PolarFlow_AppHost>(
            [
                "--PolarFlow:Infra=local",
                $"--PolarFlow:DataDir={dataDir}",
                $"--API_PORT={LocalServerBinaries.FreeTcpPort()}",
                $"--WEB_PORT={LocalServerBinaries.FreeTcpPort()}",
                $"--Parameters:admin-api-key={AdminKey}",
                "--DEPLOYMENT_MODE=saas",
                $"--PolarFlow:Laravel:Path={Path.Combine(RepositoryRoot.Path, "samples", "laravel")}",
                "--PolarFlow:Laravel:Args=artisan polarflow:serve --port={port}",
                "--PolarFlow:Laravel:HealthPath=/health",
            ], ct);
            await using var app = await builder.BuildAsync(ct);
            await app.StartAsync(ct);
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.WaitForResourceHealthyAsync("laravel", ct);
            var laravel = app.GetEndpoint("laravel", "http");
            using var api = app.CreateHttpClient("apiservice", "http");
            api.DefaultRequestHeaders.Add("X-API-Key", AdminKey);
            await ApiHealth.WaitUntilHealthyAsync(api, ct); // the connect flow keeps its state in Redis

            using var playwright = await Playwright.CreateAsync();
            var chromium = new BrowserTypeLaunchOptions { ExecutablePath = DashboardFixture.ChromiumPath, Headless = true };
            await using var browser = await playwright.Chromium.LaunchAsync(chromium);

            // Ada signs up: Laravel makes her PolarFlow user.
            var ada = await SignUpAsync(app, browser, laravel, "Ada");
            var adaUser = (await ada.GetAttributeAsync("[data-polarflow-user]", "data-polarflow-user"))!;
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/users/{adaUser}", ct)).StatusCode);
            Assert.Equal("NotConnected", await ada.GetAttributeAsync("[data-connection]", "data-connection"));

            // Connect: Laravel → Polar's authorization page (the emulator's) → PolarFlow's callback → Laravel's return URL.
            var hops = new List<string>();
            ada.Request += (_, request) => hops.Add(request.Url); // each redirect is a request of its own
            await ada.ClickAsync("#connect");
            await ada.WaitForURLAsync(new Uri(laravel, "/dashboard").ToString());
            var refusal = await ada.Locator("[role=alert]").AllInnerTextsAsync();
            Assert.True(hops.Any(url => url.Contains("/oauth2/authorization", StringComparison.Ordinal)),
                $"Polar's page was not visited ({string.Join(" → ", hops)}; Laravel said: {string.Join(" ", refusal)})");
            Assert.Contains(hops, url => url.Contains("/oauth/polar/callback", StringComparison.Ordinal));
            Assert.Equal("Connected", await ada.GetAttributeAsync("[data-connection]", "data-connection"));

            // Once the first sync has run (the emulator's demo window: a year of data), the page shows what the API says.
            await SyncStatusWaiter.WaitForSucceededAsync(api, adaUser, adaUser, ct);
            await ada.ReloadAsync();
            var readiness = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{adaUser}/analytics/readiness", ct))
                .GetProperty("result").GetProperty("today").GetProperty("score").GetDouble();
            var shown = (await ada.GetAttributeAsync("[data-readiness]", "data-readiness"))!;
            Assert.Equal(readiness, double.Parse(shown, CultureInfo.InvariantCulture), 9);
            var rounded = Math.Round(readiness, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(rounded, (await ada.InnerTextAsync(".score")).Trim());
            var nights = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/users/{adaUser}/sleep?days=7", ct)).GetProperty("nights")
                .EnumerateArray().Select(n => n.GetProperty("date").GetString()!).ToList();
            Assert.NotEmpty(nights);
            var listed = await ada.Locator("[data-night]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.night)");
            Assert.Equal(nights, listed);

            // Grace, in another browser, is another PolarFlow user and sees nothing of Ada's.
            var grace = await SignUpAsync(app, browser, laravel, "Grace");
            var graceUser = (await grace.GetAttributeAsync("[data-polarflow-user]", "data-polarflow-user"))!;
            Assert.NotEqual(adaUser, graceUser);
            Assert.Equal("NotConnected", await grace.GetAttributeAsync("[data-connection]", "data-connection"));
            Assert.Equal(0, await grace.Locator("[data-night], [data-readiness]").CountAsync());

            // A Laravel whose key PolarFlow refuses: the sign-up page says so, and no account is kept.
            var connection = await app.GetConnectionStringAsync("polarflow", ct);
            await RefusedSignUpAsync(browser, api.BaseAddress!, connection!, ct);

            // Ada leaves: PolarFlow erases her; Grace stays.
            await ada.ClickAsync("#delete");
            await ada.WaitForURLAsync(new Uri(laravel, "/").ToString());
            Assert.Contains("deleted", await ada.InnerTextAsync("[role=status]"));
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/users/{adaUser}", ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/users/{graceUser}", ct)).StatusCode);

            // Laravel's rows are in its own schema of the shared database; PolarFlow's schema holds none of them.
            await using var db = new NpgsqlConnection(connection);
            await db.OpenAsync(ct);
            await using var query = new NpgsqlCommand("""
                SELECT (SELECT string_agg(name, ',') FROM laravel.accounts),
                       (SELECT count(*) FROM information_schema.tables
                        WHERE table_schema = 'polarflow' AND table_name IN ('accounts', 'migrations'))
                """, db);
            await using var row = await query.ExecuteReaderAsync(ct);
            Assert.True(await row.ReadAsync(ct));
            Assert.Equal(("Grace", 0L), (row.GetString(0), row.GetInt64(1)));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>
    /// The sample served by hand (`artisan serve`) with a service key PolarFlow does not know: PolarFlow answers 401, so
    /// the sign-up must come back with the reason and leave no account behind (the caller counts Laravel's accounts).
    /// </summary>
    private static async Task RefusedSignUpAsync(IBrowser browser, Uri api, string connection, CancellationToken ct)
    {
        var port = LocalServerBinaries.FreeTcpPort();
        var info = new ProcessStartInfo("php", ["artisan", "serve", "--host=127.0.0.1", $"--port={port}"])
        {
            WorkingDirectory = Path.Combine(RepositoryRoot.Path, "samples", "laravel"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__polarflow"] = connection,
                ["services__apiservice__http__0"] = api.ToString().TrimEnd('/'),
                ["POLARFLOW_API_KEY"] = "a-key-polarflow-never-made",
                ["APP_KEY"] = "refused-sign-up-test-app-key",
            },
        };
        using var laravel = Process.Start(info)!;
        var log = new StringBuilder();
        laravel.OutputDataReceived += (_, line) => log.AppendLine(line.Data);
        laravel.ErrorDataReceived += (_, line) => log.AppendLine(line.Data);
        laravel.BeginOutputReadLine();
        laravel.BeginErrorReadLine();
        try
        {
            var site = new Uri($"http://127.0.0.1:{port}/");
            using var http = new HttpClient();
            await WaitUntilAnswersAsync(http, new Uri(site, "health"), ct);
            var page = await browser.NewPageAsync(new() { BaseURL = site.ToString() });
            await page.GotoAsync("/");
            await page.FillAsync("#name", "Mallory");
            var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"),
                response => response.Url.EndsWith("/register", StringComparison.Ordinal));
            await page.WaitForLoadStateAsync();
            var alert = await page.Locator("[role=alert]").AllInnerTextsAsync();
            var explained = page.Url == site.ToString() && alert.Count == 1
                && alert[0].StartsWith("PolarFlow could not make your account: ", StringComparison.Ordinal)
                && alert[0].EndsWith("Nothing was saved; try again in a moment.", StringComparison.Ordinal);
            if (!explained)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct); // `artisan serve` relays its server's lines every half second
                Assert.Fail($"The refused sign-up answered {answer.Status}, then at {page.Url}: {await page.InnerTextAsync("body")}"
                    + $"{Environment.NewLine}Laravel's log:{Environment.NewLine}{log}");
            }
            Assert.Equal("Mallory", await page.InputValueAsync("#name"));
            await page.CloseAsync();
        }
        finally
        {
            laravel.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitUntilAnswersAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(200, ct))
        {
            try
            {
                if ((await http.GetAsync(url, ct)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
        }
        Assert.Fail($"{url} did not answer within 30 s");
    }

    private static async Task<IPage> SignUpAsync(DistributedApplication app, IBrowser browser, Uri laravel, string name)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = laravel.ToString() });
        await page.GotoAsync("/");
        await page.FillAsync("#name", name);
        await page.ClickAsync("button[type=submit]");
        try
        {
            await page.WaitForURLAsync(new Uri(laravel, "/dashboard").ToString());
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{name}'s sign-up did not reach the dashboard; at {page.Url}: {await page.InnerTextAsync("body")}"
                + $"{Environment.NewLine}Laravel's log:{Environment.NewLine}{await ResourceLogs.TailAsync(app, "laravel")}");
        }
        return page;
    }
}
