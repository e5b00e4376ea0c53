using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AccessLink.Emulator.State;
using PolarFlow.AccessLink.Webhooks;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// `/api/v1/polar/webhook` against the emulator's `/v3/webhooks`: what Polar holds is read back from the emulator's
/// own state, and deliveries are the exact bytes and signatures the emulator sent.
/// </summary>
public sealed class PolarWebhookManagementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Receiver = "http://polarflow.test/webhooks/polar"; // ApiFactory's PublicBaseUrl + the receiver

    private Webhook? AtPolar => api.Emulator.Services.GetRequiredService<EmulatorState>().Webhook;

    [Fact]
    public async Task PutCreatesTheWebhookAtPolarKeepsItsKeyEncryptedAndDeliveriesSignedWithThatKeyQueueSyncs()
    {
        using var admin = api.CreateAdminClient();
        Assert.Equal("missing", (await StateAsync(admin)).GetProperty("status").GetString());

        api.Emulator.Deliveries.Clear();
        var created = await admin.PutAsJsonAsync("/api/v1/polar/webhook", new { });
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var hook = AtPolar ?? throw new Xunit.Sdk.XunitException("Polar has no webhook after PUT");
        var state = JsonDocument.Parse(createdText).RootElement;
        Assert.Equal(hook.Id, state.GetProperty("webhookId").GetString());
        Assert.Equal("active", state.GetProperty("status").GetString());
        Assert.Equal(Receiver, hook.Url);
        Assert.True(state.GetProperty("urlMatches").GetBoolean());
        Assert.Equal("stored", state.GetProperty("signatureKey").GetString());
        Assert.Equal(7, hook.Events.Count); // every event the sync acts on
        Assert.True(hook.Active);
        Assert.Contains(api.Emulator.Deliveries, d => d.Event == "PING"); // Polar checked the URL before creating
        Assert.DoesNotContain(hook.SignatureSecretKey, createdText);

        await using (var db = api.Database.CreateDbContext())
        {
            var row = await db.PolarWebhooks.SingleAsync();
            Assert.DoesNotContain(hook.SignatureSecretKey, row.EncryptedSignatureKey);
            var protector = api.Services.GetRequiredService<PolarTokenProtector>();
            Assert.Equal(hook.SignatureSecretKey, protector.Unprotect(row.EncryptedSignatureKey));
        }

        // A day passes at Polar: the emulator delivers the athlete's events, signed with the key it issued (not the
        // configured Polar:WebhookSecret), and each one is accepted and queues a sync of what changed.
        var polar = await api.Emulator.CreateUserAsync();
        await admin.PutAsJsonAsync("/api/v1/users/hooked/polar/token", new { polar.AccessToken, polar.PolarUserId });
        await using (var db = api.Database.CreateDbContext())
        {
            await db.SyncJobs.Where(j => j.UserId == "hooked").ExecuteDeleteAsync();
        }
        api.Emulator.Deliveries.Clear();
        await api.Emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = TimeSpan.FromDays(1) });
        var mine = api.Emulator.Deliveries
            .Where(d => d.Body.Contains($"\"user_id\":{polar.PolarUserId}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mine);
        using var hooks = api.CreateClient();
        foreach (var (type, signature, body) in mine)
        {
            Assert.Equal(HttpStatusCode.OK, (await hooks.SendAsync(Delivery(type, body, signature))).StatusCode);
        }
        var first = mine[0].Body;
        var settingSignature = WebhookSignature.Compute(Encoding.UTF8.GetBytes(first), ApiFactory.WebhookSecret);
        var signedWithTheSetting = Delivery(mine[0].Event, first, settingSignature);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hooks.SendAsync(signedWithTheSetting)).StatusCode);
        await using (var db = api.Database.CreateDbContext())
        {
            var triggers = await db.SyncJobs.Where(j => j.UserId == "hooked").Select(j => j.Trigger).ToListAsync();
            Assert.Contains(triggers, t => t == SyncJobTrigger.Webhook);
        }

        // Fewer events: the same webhook is updated in place.
        var updated = await admin.PutAsJsonAsync("/api/v1/polar/webhook", new { Events = new[] { "SLEEP", "EXERCISE" } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(hook.Id, AtPolar!.Id);
        Assert.Equal(["EXERCISE", "SLEEP"], AtPolar.Events.Order());

        // Bad events: 400 naming them, nothing changed at Polar.
        foreach (var bad in new object[] { new { Events = new[] { "NAPS" } }, new { Events = Array.Empty<string>() } })
        {
            var refused = await admin.PutAsJsonAsync("/api/v1/polar/webhook", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("events", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
        }
        Assert.Equal(["EXERCISE", "SLEEP"], AtPolar.Events.Order());

        // Polar deactivated it (7 days of failed deliveries): GET says so and what to do, PUT activates it again.
        await api.Emulator.Partner().DeactivateWebhookAsync();
        var inactive = await StateAsync(admin);
        Assert.Equal("inactive", inactive.GetProperty("status").GetString());
        Assert.Contains("activates", inactive.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/polar/webhook", new { })).StatusCode);
        Assert.True(AtPolar.Active);
    }

    [Fact]
    public async Task AWebhookMadeByHandIsReplacedAPingThatFailsIsExplainedAndDeleteRemovesBoth()
    {
        using var admin = api.CreateAdminClient();
        await admin.DeleteAsync("/api/v1/polar/webhook");
        var partner = api.Emulator.Partner();
        var byHand = await partner.CreateWebhookAsync(["SLEEP"], "https://elsewhere.example.com/hook");

        var found = await StateAsync(admin);
        Assert.Equal(byHand.Id, found.GetProperty("webhookId").GetString());
        Assert.False(found.GetProperty("urlMatches").GetBoolean());
        Assert.Equal("configuration", found.GetProperty("signatureKey").GetString()); // only the hand-copied setting knows it

        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync("/api/v1/polar/webhook", new { })).StatusCode);
        Assert.NotEqual(byHand.Id, AtPolar!.Id);
        Assert.Equal(Receiver, AtPolar.Url);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/polar/webhook")).StatusCode);
        Assert.Null(AtPolar);
        await using (var db = api.Database.CreateDbContext())
        {
            Assert.False(await db.PolarWebhooks.AnyAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/polar/webhook")).StatusCode);

        // PolarFlow's URL does not answer Polar's PING: the caller is told why, and nothing is made or kept.
        api.Emulator.WebhookAnswer = HttpStatusCode.ServiceUnavailable;
        try
        {
            var refused = await admin.PutAsJsonAsync("/api/v1/polar/webhook", new { });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("PING", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
        finally
        {
            api.Emulator.WebhookAnswer = HttpStatusCode.OK;
        }
        Assert.Null(AtPolar);
        Assert.Equal("missing", (await StateAsync(admin)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OnlyTheAdminKeyManagesTheWebhook()
    {
        using var admin = api.CreateAdminClient();
        var service = await api.CreateKeyAsync("service");
        await admin.PostAsJsonAsync("/api/v1/users", new { UserId = "plain-user" });
        var user = await api.CreateKeyAsync("user", "plain-user");
        var before = AtPolar?.Id;

        foreach (var key in new[] { service, user })
        {
            using var client = api.CreateKeyClient(key);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/polar/webhook")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/v1/polar/webhook", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync("/api/v1/polar/webhook")).StatusCode);
        }
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/v1/polar/webhook", new { })).StatusCode);
        Assert.Equal(before, AtPolar?.Id);
    }

    private static async Task<JsonElement> StateAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/api/v1/polar/webhook");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static HttpRequestMessage Delivery(string type, string body, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/polar")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.EventHeader, type);
        request.Headers.Add(WebhookSignature.SignatureHeader, signature);
        return request;
    }
}
