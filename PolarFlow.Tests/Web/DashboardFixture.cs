using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PolarFlow.Tests.Infrastructure;
using PolarFlow.AppHost.Infrastructure;

namespace PolarFlow.Tests.Web;

/// <summary>
/// The whole of PolarFlow as `./run.sh` runs it (AppHost in local mode: PostgreSQL, Redis, the emulator with the demo
/// athlete, the ApiService, the SyncWorker and the web), one Debian Chromium driven by Playwright, and the owner set
/// up once through the setup link the web printed. Shared by every dashboard test (one set of servers, one browser).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string AdminKey = "dashboard-test-admin-key-0123456789abcdef";
    public const string DemoUser = "40000101";
    public const string OwnerName = "owner";
    public const string OwnerPassword = "a long owner password";

    private readonly string _dataDir = Directory.CreateTempSubdirectory("polarflow-web-").FullName;
    private DistributedApplication? _app;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;
    public HttpClient Api { get; private set; } = default!;
    public Uri Web { get; private set; } = default!;
    public Uri Emulator { get; private set; } = default!;
    /// <summary>The setup link as the web printed it (already used by the fixture).</summary>
    public string SetupLink { get; private set; } = "";
    /// <summary>The signed-in owner's cookies, for new browser contexts.</summary>
    public string OwnerState { get; private set; } = "";

    public static string ChromiumPath => Environment.GetEnvironmentVariable("POLARFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.PolarFlow_AppHost>(
        [
            "--PolarFlow:Infra=local",
            $"--PolarFlow:DataDir={_dataDir}",
            $"--API_PORT={LocalServerBinaries.FreeTcpPort()}",
            $"--WEB_PORT={LocalServerBinaries.FreeTcpPort()}",
            $"--Parameters:admin-api-key={AdminKey}",
        ], cts.Token);
        _app = await builder.BuildAsync(cts.Token);
        await _app.StartAsync(cts.Token);
        var setupLink = WatchForSetupLinkAsync(_app, cts.Token); // the log keeps its backlog: nothing printed before is lost
        var notifications = _app.Services.GetRequiredService<ResourceNotificationService>();
        foreach (var name in new[] { "apiservice", "syncworker", "web" }) await notifications.WaitForResourceHealthyAsync(name, cts.Token);

        Api = _app.CreateHttpClient("apiservice", "http");
        Api.DefaultRequestHeaders.Add("X-API-Key", AdminKey);
        using (var web = _app.CreateHttpClient("web", "http")) Web = web.BaseAddress!;
        using (var emulator = _app.CreateHttpClient("accesslink-emulator", "http")) Emulator = emulator.BaseAddress!;
        SetupLink = await setupLink;
        // The demo athlete is connected through the emulator's OAuth flow at start-up; its first sync takes seconds.
        await SyncStatusWaiter.WaitForSucceededAsync(Api, DemoUser, "The demo athlete", cts.Token);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run"],
        });
        await SetUpOwnerAsync();
    }

    /// <summary>A page in a new context, signed in as the owner (or nobody), at a desktop or phone width.</summary>
    public async Task<IPage> NewPageAsync(bool signedIn = true, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Web.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            StorageState = signedIn ? OwnerState : null,
        });
        return await context.NewPageAsync();
    }

    public async Task<JsonElement> ApiGetAsync(string path) => await Api.GetFromJsonAsync<JsonElement>(path);

    private async Task SetUpOwnerAsync()
    {
        var page = await NewPageAsync(signedIn: false);
        await page.GotoAsync(SetupLink);
        await page.FillAsync("#username", OwnerName);
        await page.FillAsync("#password", OwnerPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**/u/{DemoUser}/today");
        OwnerState = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The console line `./run.sh` shows: the web prints it, the AppHost relays it.</summary>
    private static async Task<string> WatchForSetupLinkAsync(DistributedApplication app, CancellationToken ct)
    {
        await Task.Yield();
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var web = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == "web");
        await foreach (var batch in logs.WatchAsync(web).WithCancellation(ct))
        {
            foreach (var line in batch)
            {
                var at = line.Content?.IndexOf("/setup?token=", StringComparison.Ordinal) ?? -1;
                if (at < 0) continue;
                var start = line.Content!.LastIndexOf("http", at, StringComparison.Ordinal);
                return line.Content[start..].Split(' ')[0];
            }
        }
        throw new InvalidOperationException("The web never printed a setup link.");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files: the folder is under /tmp and goes with the machine.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
