using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace PolarFlow.Tests.Web;

/// <summary>
/// Signing in and what a person may do and see: the setup link works once, bad passwords, tampered cookies and
/// forms without their token change nothing, a key is shown once and revoking it stops it, an invited person sees
/// only their own user, and an export upload shows its progress to the end.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardAccountTests(DashboardFixture fx)
{
    private const string User = DashboardFixture.DemoUser;

    [Fact]
    public async Task TheSetupLinkWorksOnceAndAnUnknownLinkSaysWhatToDo()
    {
        var page = await fx.NewPageAsync(signedIn: false);
        foreach (var link in new[] { fx.SetupLink, new Uri(fx.Web, "/setup?token=not-a-real-token").ToString() })
        {
            var response = await page.GotoAsync(link);
            Assert.Equal(410, response!.Status);
            Assert.Contains("expired or was already used", await page.InnerTextAsync("h1"));
            Assert.Equal(0, await page.Locator("#password").CountAsync());
        }
        var people = await fx.ApiGetAsync("/api/v1/people");
        Assert.Equal(1, people.EnumerateArray().Count(p => p.GetProperty("role").GetString() == "owner"));
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedInWordsAndATamperedCookieSignsNobodyIn()
    {
        var page = await fx.NewPageAsync(signedIn: false);
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#username", DashboardFixture.OwnerName);
        await page.FillAsync("#password", "not the password");
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"), r => r.Request.Method == "POST");
        Assert.Equal(401, answer.Status);
        Assert.Contains("Wrong username or password", await page.InnerTextAsync("[role=alert]"));

        // The owner's own cookie with one character changed: the web treats it as no cookie at all.
        var owner = JsonDocument.Parse(fx.OwnerState).RootElement.GetProperty("cookies").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "polarflow").GetProperty("value").GetString()!;
        var tampered = owner[..^6] + (owner[^6] == 'A' ? 'B' : 'A') + owner[^5..];
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "polarflow", Value = tampered, Url = fx.Web.ToString() }]);
        await page.GotoAsync($"/u/{User}/today");
        Assert.Contains("/sign-in", page.Url);
        Assert.Equal(0, await page.Locator("[data-stat]").CountAsync());
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var page = await fx.NewPageAsync();
        var before = (await fx.ApiGetAsync($"/api/v1/users/{User}/sync/history?limit=200")).GetArrayLength();
        var response = await page.APIRequest.PostAsync($"/u/{User}/data", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("_handler", "sync"),
        });
        Assert.Equal(400, response.Status);
        var signOut = await page.APIRequest.PostAsync("/account/sign-out");
        Assert.Equal(400, signOut.Status);
        Assert.Equal(before, (await fx.ApiGetAsync($"/api/v1/users/{User}/sync/history?limit=200")).GetArrayLength());
    }

    [Fact]
    public async Task AKeyIsShownOnceWorksAndStopsWorkingWhenRevoked()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"/u/{User}/settings");
        await page.FillAsync("#key-name", "browser-test");
        await page.ClickAsync("form:has(#key-name) button[type=submit]");
        var secret = (await page.InnerTextAsync("[data-new-key]")).Trim();
        var keyId = await page.GetAttributeAsync("[data-new-key]", "data-new-key");
        Assert.StartsWith("pf_", secret);
        Assert.Equal(HttpStatusCode.OK, await StatusWithKeyAsync(secret));

        await page.GotoAsync($"/u/{User}/settings");
        Assert.DoesNotContain(secret, await page.ContentAsync()); // shown once: never again, not even in the page source
        await page.ClickAsync($"tr[data-key=\"{keyId}\"] button");
        await Assertions.Expect(page.Locator($"tr[data-key=\"{keyId}\"]")).ToContainTextAsync("revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithKeyAsync(secret));
    }

    [Fact]
    public async Task AnInvitedPersonSeesOnlyTheirOwnUserAndSignsOut()
    {
        var guest = "guest-" + Guid.NewGuid().ToString("N")[..6];
        (await fx.Api.PostAsJsonAsync("/api/v1/users", new { userId = guest })).EnsureSuccessStatusCode();
        var owner = await fx.NewPageAsync();
        await owner.GotoAsync($"/u/{User}/settings");
        await owner.SelectOptionAsync("#invite-user", guest);
        await owner.ClickAsync("form:has(#invite-user) button[type=submit]");
        var link = (await owner.InnerTextAsync("[data-invite-link]")).Trim();

        var page = await fx.NewPageAsync(signedIn: false);
        await page.GotoAsync(link);
        await page.FillAsync("#username", guest);
        await page.FillAsync("#password", "guest password 123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**/u/{guest}/today");
        Assert.Contains("Polar is not connected", await page.InnerTextAsync("main")); // says so, and where to fix it
        Assert.Contains("insufficient", (await fx.ApiGetAsync($"/api/v1/users/{guest}/analytics/summary")).GetProperty("result")
            .GetProperty("readiness").GetProperty("status").GetString());

        foreach (var path in new[] { $"/u/{User}/today", $"/u/{User}/settings", $"/u/{User}/data/export/sleep.csv", $"/u/{User}/live/sync" })
        {
            var response = await page.APIRequest.GetAsync(path);
            Assert.True(response.Status == 404, $"{path} answered {response.Status}");
            Assert.DoesNotContain("40000101", await response.TextAsync() is var body && body.Contains("Not found") ? "" : body);
        }
        await page.GotoAsync($"/u/{guest}/settings");
        Assert.Equal(0, await page.Locator("option[value=service]").CountAsync()); // only the owner makes service keys

        await page.ClickAsync("text=Sign out");
        await page.WaitForURLAsync("**/sign-in");
        await page.GotoAsync($"/u/{guest}/today");
        Assert.Contains("/sign-in", page.Url);
    }

    /// <summary>
    /// The Data page offers every CSV type the API has (the API's own list, from its answer to an unknown type) and the
    /// whole account; what a click downloads is what the API serves.
    /// </summary>
    [Fact]
    public async Task TheDataPageDownloadsEveryCsvTypeAndTheWholeAccountAsOneArchive()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"/u/{User}/data");
        var refused = await fx.Api.GetAsync($"/api/v1/users/{User}/export/no-such-type.csv");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        var apiTypes = detail["type is one of: ".Length..].TrimEnd('.').Split(", ");
        var listed = await page.Locator("[data-csv]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.csv)");
        Assert.Equal(apiTypes.Order(), listed.Order());

        var csv = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-csv=sleep] a"));
        var downloaded = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.Equal(await fx.Api.GetByteArrayAsync($"/api/v1/users/{User}/export/sleep.csv?days=365"), downloaded);
        Assert.True(downloaded.Count(b => b == '\n') > 300, "the demo athlete's year of nights is not in the CSV");

        var archive = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#archive"));
        Assert.EndsWith(".zip", archive.SuggestedFilename);
        using var zip = ZipFile.OpenRead((await archive.PathAsync())!);
        var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        Assert.Equal(User, manifest.GetProperty("userId").GetString());
        Assert.NotNull(zip.GetEntry("README.md"));
        var sleep = manifest.GetProperty("tables").GetProperty("sleep");
        using var lines = new StreamReader(zip.GetEntry(sleep.GetProperty("entry").GetString()!)!.Open());
        var count = 0;
        while (await lines.ReadLineAsync() is not null) count++;
        Assert.Equal(sleep.GetProperty("rows").GetInt64(), count);
        Assert.True(count > 300, $"{count} nights in the archive");
    }

    [Fact]
    public async Task AnExportUploadShowsItsProgressUntilSucceeded()
    {
        using var emulator = new HttpClient { BaseAddress = fx.Emulator };
        var zip = Path.Combine(Path.GetTempPath(), $"polarflow-export-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(zip, await emulator.GetByteArrayAsync($"/admin/users/{User}/export?generation=new"));
        try
        {
            var page = await fx.NewPageAsync();
            await page.GotoAsync($"/u/{User}/data");
            await page.SetInputFilesAsync("#export-file", zip);
            await page.ClickAsync("#upload button[type=submit]");
            var state = page.Locator("#upload-state");
            await Assertions.Expect(state).ToHaveAttributeAsync("data-import-state", "Succeeded", new() { Timeout = 120_000 });
            Assert.Matches(@"Succeeded: (\d+) of \1 files", await state.InnerTextAsync());
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public async Task ANonZipUploadShowsTheApisErrorInWordsAndKeepsNothing()
    {
        var before = (await fx.ApiGetAsync($"/api/v1/users/{User}/imports")).GetProperty("count").GetInt32();
        var file = Path.Combine(Path.GetTempPath(), $"not-a-zip-{Guid.NewGuid():N}.zip");
        await File.WriteAllTextAsync(file, "this is not a zip file");
        try
        {
            var page = await fx.NewPageAsync();
            await page.GotoAsync($"/u/{User}/data");
            await page.SetInputFilesAsync("#export-file", file);
            await page.ClickAsync("#upload button[type=submit]");
            var state = page.Locator("#upload-state");
            await Assertions.Expect(state).ToHaveAttributeAsync("data-import-state", "Refused");
            Assert.Contains("Not imported", await state.InnerTextAsync());
            Assert.Contains("ZIP", await state.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Equal(before, (await fx.ApiGetAsync($"/api/v1/users/{User}/imports")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task SyncNowShowsLiveProgressUntilTheJobEnds()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync($"/u/{User}/data");
        await page.ClickAsync("form:has(button:text('Sync now')) button");
        var state = page.Locator("#sync-live .live-state");
        // Queued or running when the page comes back, then the stream says how it ended, without a reload.
        await Assertions.Expect(state).ToHaveAttributeAsync("data-sync-state", new System.Text.RegularExpressions.Regex("Succeeded|PartiallySucceeded"),
            new() { Timeout = 60_000 });
        Assert.Contains("Last sync", await state.InnerTextAsync());
    }

    private async Task<HttpStatusCode> StatusWithKeyAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = fx.Api.BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-Key", key);
        return (await http.GetAsync($"/api/v1/users/{User}/sleep?days=1")).StatusCode;
    }
}
