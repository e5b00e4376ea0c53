using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink.Webhooks;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>The connect flow, the sync endpoints and the webhook receiver, through HTTP, against the emulator.</summary>
public sealed class ConnectAndSyncApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EverythingButHealthAndTheCallbacksNeedsAKey()
    {
        using var anonymous = api.CreateClient();
        using var wrongKey = api.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-API-Key", "not-the-key");

        var none = await anonymous.GetAsync("/api/v1/users/u1/sync/status");
        var wrong = await wrongKey.PostAsync("/api/v1/polar/authorize", null);
        using var bearer = api.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new("Bearer", ApiFactory.AdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // Each says which it is: no key at all, or a key PolarFlow does not know.
        static async Task<string?> TitleAsync(HttpResponseMessage r) =>
            (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
        Assert.Equal("An API key is required", await TitleAsync(none));
        Assert.Equal("This API key is not valid", await TitleAsync(wrong));
        Assert.Equal(HttpStatusCode.NotFound, (await bearer.GetAsync("/api/v1/users/nobody/sync/status")).StatusCode); // the key works as a Bearer token
    }

    [Fact]
    public async Task TheConnectFlowStoresTheTokenEncryptedAndQueuesTheFirstSync()
    {
        using var admin = api.CreateAdminClient();
        var start = await admin.PostAsJsonAsync("/api/v1/users/laravel-42/polar/authorize", new { ReturnUrl = "https://app.example.com/settings" });
        var url = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizationUrl").GetString()!;

        var callback = await ConsentAsync(url);
        using var browser = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var done = await browser.GetAsync(callback.PathAndQuery);
        var reused = await browser.GetAsync(callback.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("https://app.example.com/settings", done.Headers.Location!.ToString()); // on the allow-list
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode); // a state works once
        await using var db = api.Database.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == "laravel-42");
        Assert.Equal(ConnectionState.Connected, user.ConnectionState);
        Assert.NotNull(user.PolarUserId);
        Assert.DoesNotContain(QueryHelpers.ParseQuery(callback.Query)["code"].ToString(), user.EncryptedAccessToken!);
        Assert.StartsWith("CfDJ8", user.EncryptedAccessToken); // Data Protection's envelope, not a token
        Assert.True(await db.SyncJobs.AnyAsync(j => j.UserId == "laravel-42" && j.Trigger == SyncJobTrigger.Connect && j.Status == SyncJobStatus.Queued));
    }

    [Fact]
    public async Task SelfHostedConnectUsesThePolarUserIdAndRefusedConsentIsAClearError()
    {
        using var admin = api.CreateAdminClient();
        var url = (await (await admin.PostAsync("/api/v1/polar/authorize", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizationUrl").GetString()!;
        var callback = await ConsentAsync(url);
        using var browser = api.CreateClient();
        var page = await browser.GetAsync(callback.PathAndQuery);
        var denied = await browser.GetAsync("/oauth/polar/callback?error=access_denied&state=whatever");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("is connected to PolarFlow as user", await page.Content.ReadAsStringAsync());
        await using var db = api.Database.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.PolarUserId != null && u.UserId == u.PolarUserId.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Contains("consent was refused", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TriggerStatusAndHistoryShowTheJobAndXPolarTokenImportsAToken()
    {
        var polar = await api.Emulator.CreateUserAsync();
        using var admin = api.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/brief-user/sync/trigger");
        request.Headers.Add("X-Polar-Token", polar.AccessToken);

        var accepted = await admin.SendAsync(request);
        var again = await admin.PostAsync("/api/v1/users/brief-user/sync/trigger", null);
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/brief-user/sync/status");
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/brief-user/sync/history");

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("/api/v1/users/brief-user/sync/status", accepted.Headers.Location!.ToString());
        var job = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(job.GetProperty("id").GetString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()); // folded
        Assert.Equal("Connected", status.GetProperty("connectionState").GetString());
        Assert.Equal("Queued", status.GetProperty("currentJob").GetProperty("status").GetString());
        Assert.Equal(1, history.GetArrayLength());
        Assert.DoesNotContain(polar.AccessToken, status.GetRawText() + history.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/users/nobody-here/sync/trigger", null)).StatusCode);
    }

    [Fact]
    public async Task AWebhookWithABadSignatureIsRejectedAndAGoodOneQueuesATargetedJob()
    {
        var polar = await api.Emulator.CreateUserAsync();
        using var admin = api.CreateAdminClient();
        await admin.PutAsJsonAsync($"/api/v1/users/hook-user/polar/token", new { AccessToken = polar.AccessToken, PolarUserId = polar.PolarUserId });
        await using (var db = api.Database.CreateDbContext())
        {
            await db.SyncJobs.Where(j => j.UserId == "hook-user").ExecuteDeleteAsync(); // start from an empty queue
        }
        var body = $$"""{"event":"SLEEP","user_id":{{polar.PolarUserId}},"date":"2026-11-27","timestamp":"2026-11-28T07:00:00Z","url":"https://www.polaraccesslink.com/v3/users/sleep/2026-11-27"}""";
        using var hooks = api.CreateClient();

        var forged = await hooks.SendAsync(Delivery(body, WebhookSignature.Compute(Encoding.UTF8.GetBytes(body), "wrong-secret")));
        var unsigned = await hooks.SendAsync(Delivery(body, null));
        await using (var db = api.Database.CreateDbContext())
        {
            Assert.False(await db.SyncJobs.AnyAsync(j => j.UserId == "hook-user"));
        }
        var ping = await hooks.SendAsync(Delivery("""{"event":"PING","timestamp":"2026-11-28T07:00:00Z"}""", null, "PING"));
        var good = await hooks.SendAsync(Delivery(body, WebhookSignature.Compute(Encoding.UTF8.GetBytes(body), ApiFactory.WebhookSecret)));
        var unknownUser = body.Replace(polar.PolarUserId.ToString(System.Globalization.CultureInfo.InvariantCulture), "1");
        var ignored = await hooks.SendAsync(Delivery(unknownUser, WebhookSignature.Compute(Encoding.UTF8.GetBytes(unknownUser), ApiFactory.WebhookSecret)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ignored.StatusCode);
        await using (var db = api.Database.CreateDbContext())
        {
            var job = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == "hook-user");
            Assert.Equal(SyncJobTrigger.Webhook, job.Trigger);
            Assert.Equal(["biosensing", "nightly-recharge", "sleep", "sleepwise"], job.DataTypes);
        }

        // The SyncWorker (its own wiring, same database: it decrypts the token the API stored) runs the job.
        await using var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        await worker.DrainAsync();
        await using (var db = api.Database.CreateDbContext())
        {
            Assert.True(await db.Sleep.CountAsync(x => x.UserId == "hook-user") >= 20, "the webhook's data did not appear");
            Assert.True(await db.NightlyRecharge.AnyAsync(x => x.UserId == "hook-user"));
            Assert.False(await db.Exercises.AnyAsync(x => x.UserId == "hook-user")); // a SLEEP event syncs its data types only
        }

        // An EXERCISE event names its exercise: kept for the job, which fetches it by id rather than listing them all.
        var exercise = $$"""
            {"event":"EXERCISE","user_id":{{polar.PolarUserId}},"entity_id":"aQlC83","timestamp":"2026-11-28T07:05:00Z",
             "url":"https://www.polaraccesslink.com/v3/exercises/aQlC83"}
            """;
        var announced = await hooks.SendAsync(Delivery(exercise,
            WebhookSignature.Compute(Encoding.UTF8.GetBytes(exercise), ApiFactory.WebhookSecret), "EXERCISE"));
        Assert.Equal(HttpStatusCode.OK, announced.StatusCode);
        await using (var db = api.Database.CreateDbContext())
        {
            var kept = await db.ExerciseAnnouncements.Where(a => a.UserId == "hook-user").Select(a => a.ExerciseId).ToListAsync();
            Assert.Equal(["aQlC83"], kept);
            var job = await db.SyncJobs.AsNoTracking()
                .SingleAsync(j => j.UserId == "hook-user" && j.Status == SyncJobStatus.Queued);
            Assert.Equal(["cardio-load", "exercises"], job.DataTypes);
        }
    }

    private static HttpRequestMessage Delivery(string body, string? signature, string type = "SLEEP")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/polar") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.EventHeader, type);
        if (signature is not null) request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return request;
    }

    /// <summary>The user's browser at Polar: the emulator consents and redirects to our callback with code and state.</summary>
    private async Task<Uri> ConsentAsync(string authorizationUrl)
    {
        using var browser = api.Emulator.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var consent = await browser.GetAsync(new Uri(authorizationUrl).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        Assert.StartsWith("http://polarflow.test/oauth/polar/callback", consent.Headers.Location!.ToString());
        return consent.Headers.Location!;
    }
}
