using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using PolarFlow.AccessLink;
using PolarFlow.AccessLink.Models;
using PolarFlow.AccessLink.Webhooks;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.AccessLink;

/// <summary>Users, OAuth, legacy transactions, notifications and webhooks, through the real clients.</summary>
public sealed class ClientProtocolTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly AccessLinkClient _client = emulator.Client();
    private readonly AccessLinkPartnerClient _partner = emulator.Partner();

    [Fact]
    public async Task TheOAuthFlowGivesATokenThatRegistersOnceAndDeletingRevokesIt()
    {
        var token = await AuthorizeAsync("state-123");

        var first = await _client.RegisterUserAsync(token.AccessToken, "member-1");
        var second = await _client.RegisterUserAsync(token.AccessToken, "member-1");
        var user = await _client.GetUserAsync(token.AccessToken, token.XUserId);
        await _client.DeleteUserAsync(token.AccessToken, token.XUserId);
        var revoked = await Assert.ThrowsAsync<AccessLinkException>(() => _client.ListSleepAsync(token.AccessToken));

        Assert.Equal("bearer", token.TokenType);
        Assert.False(first.AlreadyRegistered);
        Assert.Equal(token.XUserId, first.User!.PolarUserId);
        Assert.True(second.AlreadyRegistered); // 409 counts as success
        Assert.Equal("member-1", user!.MemberId);
        Assert.Equal(AccessLinkErrorKind.TokenRevoked, revoked.Kind);
    }

    [Fact]
    public async Task ACodeWorksOnceAndOnlyWithItsRedirectUri()
    {
        var (code, _) = await AuthorizeCodeAsync("s");

        var wrongUri = await Assert.ThrowsAsync<AccessLinkException>(() => _partner.ExchangeCodeAsync(code, "https://elsewhere.example/cb"));
        var (code2, _) = await AuthorizeCodeAsync("s");
        await _partner.ExchangeCodeAsync(code2, RedirectUri);
        var reused = await Assert.ThrowsAsync<AccessLinkException>(() => _partner.ExchangeCodeAsync(code2, RedirectUri));

        Assert.Equal(AccessLinkErrorKind.BadRequest, wrongUri.Kind);
        Assert.Equal(AccessLinkErrorKind.BadRequest, reused.Kind);
        Assert.Contains("invalid_grant", reused.Message);
    }

    [Fact]
    public async Task DataCallsNeedRegistrationAndConsent()
    {
        var unregistered = await emulator.CreateUserAsync(register: false);
        var consentless = await emulator.CreateUserAsync();
        await emulator.AdminAsync(HttpMethod.Put, $"/admin/users/{consentless.PolarUserId}/consent?missing=true");

        var notRegistered = await Assert.ThrowsAsync<AccessLinkException>(() => _client.ListSleepAsync(unregistered.AccessToken));
        var noConsent = await Assert.ThrowsAsync<AccessLinkException>(() => _client.ListNightlyRechargeAsync(consentless.AccessToken));
        var badToken = await Assert.ThrowsAsync<AccessLinkException>(() => _client.ListSleepAsync("not-a-token"));

        Assert.Equal(AccessLinkErrorKind.ConsentMissing, notRegistered.Kind);
        Assert.Equal(AccessLinkErrorKind.ConsentMissing, noConsent.Kind);
        Assert.Equal(AccessLinkErrorKind.TokenRevoked, badToken.Kind);
    }

    [Fact]
    public async Task AnExerciseTransactionListsItemsServesThemAndIsGoneAfterCommit()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var expected = (await _client.ListExercisesAsync(user.AccessToken)).Count;

        var notified = await _partner.ListNotificationsAsync();
        var created = await _client.CreateTransactionAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Exercise);
        var again = await _client.CreateTransactionAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Exercise);
        var items = await _client.ListTransactionItemsAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Exercise, created!.TransactionId);
        var exercise = await _client.GetTransactionExerciseAsync(user.AccessToken, items[0]);
        var zones = await _client.GetTransactionExerciseZonesAsync(user.AccessToken, items[0]);
        var sampleUrls = await _client.ListTransactionExerciseSamplesAsync(user.AccessToken, items[0]);
        var heartRate = await _client.GetTransactionExerciseSampleAsync(user.AccessToken, sampleUrls[0]);
        var tcx = await _client.GetTransactionExerciseFileAsync(user.AccessToken, items[0], "tcx");
        await _client.CommitTransactionAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Exercise, created.TransactionId);
        var afterCommit = await _client.CreateTransactionAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Exercise);

        Assert.Contains(notified, n => n.UserId == user.PolarUserId && n.DataType == "EXERCISE");
        Assert.Equal(created.TransactionId, again!.TransactionId); // an open transaction is returned again
        Assert.Equal(Math.Min(50, expected), items.Count);
        Assert.True(exercise!.Id > 0);
        Assert.Equal(5, zones.Count);
        Assert.Equal(0, heartRate!.SampleType); // "sample-type":"0" on the wire, a string
        Assert.NotNull(tcx);
        Assert.Null(afterCommit); // 204: committed data never comes back
        Assert.DoesNotContain(await _partner.ListNotificationsAsync(), n => n.UserId == user.PolarUserId && n.DataType == "EXERCISE");
    }

    [Fact]
    public async Task ActivityAndPhysicalInformationTransactionsServeTheirItems()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 10);

        var activity = await _client.CreateTransactionAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Activity);
        var activityItems = await _client.ListTransactionItemsAsync(user.AccessToken, user.PolarUserId, TransactionFamily.Activity, activity!.TransactionId);
        var day = await _client.GetTransactionActivityAsync(user.AccessToken, activityItems[0]);
        var steps = await _client.GetTransactionStepSamplesAsync(user.AccessToken, activityItems[0]);
        var zones = await _client.GetTransactionZoneSamplesAsync(user.AccessToken, activityItems[0]);
        var physical = await _client.CreateTransactionAsync(user.AccessToken, user.PolarUserId, TransactionFamily.PhysicalInformation);
        var physicalItems = await _client.ListTransactionItemsAsync(user.AccessToken, user.PolarUserId, TransactionFamily.PhysicalInformation, physical!.TransactionId);
        var info = await _client.GetTransactionPhysicalInfoAsync(user.AccessToken, physicalItems[^1]);

        Assert.InRange(activityItems.Count, 9, 11); // days since registration
        Assert.Equal(day!.ActiveSteps, steps!.Samples.Sum(s => s.Steps));
        Assert.NotEmpty(zones!.Samples);
        Assert.Equal(2, physicalItems.Count);
        Assert.Equal(71.6, info!.Weight);
    }

    [Fact]
    public async Task TheWebhookIsPingedSignedAndDeliversNewDataAsTheClockMoves()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        foreach (var existing in await _partner.ListWebhooksAsync()) await _partner.DeleteWebhookAsync(existing.Id);
        emulator.Deliveries.Clear();

        var created = await _partner.CreateWebhookAsync(["SLEEP", "EXERCISE", "ACTIVITY_SUMMARY"], "https://receiver.example/polar");
        var duplicate = await Assert.ThrowsAsync<AccessLinkException>(() => _partner.CreateWebhookAsync(["SLEEP"], "https://receiver.example/polar"));
        var secret = created.SignatureSecretKey!;
        Assert.True(emulator.Deliveries.TryDequeue(out var ping));
        await emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = "2.00:00:00" });

        var delivered = emulator.Deliveries.ToList();
        Assert.Equal(AccessLinkErrorKind.Conflict, duplicate.Kind);
        Assert.Equal("PING", ping.Event);
        Assert.True(WebhookSignature.IsValid(Encoding.UTF8.GetBytes(ping.Body), ping.Signature, secret));
        Assert.Contains(delivered, d => d.Event == "SLEEP" && d.Body.Contains($"\"user_id\":{user.PolarUserId}"));
        Assert.Contains(delivered, d => d.Event == "ACTIVITY_SUMMARY");
        Assert.DoesNotContain(delivered, d => d.Event == "CONTINUOUS_HEART_RATE"); // not subscribed
        Assert.All(delivered, d => Assert.True(WebhookSignature.IsValid(Encoding.UTF8.GetBytes(d.Body), d.Signature, secret)));
        Assert.All(delivered, d => Assert.False(WebhookSignature.IsValid(Encoding.UTF8.GetBytes(d.Body + " "), d.Signature, secret)));

        var listed = Assert.Single(await _partner.ListWebhooksAsync());
        Assert.Null(listed.SignatureSecretKey); // shown once, at creation
        var updated = await _partner.UpdateWebhookAsync(created.Id, events: ["EXERCISE"]);
        Assert.Equal(["EXERCISE"], updated.Events);
        Assert.True(await _partner.DeactivateWebhookAsync());
        Assert.False((await _partner.ListWebhooksAsync())[0].Active);
        await _partner.DeleteWebhookAsync(created.Id);
        Assert.False(await _partner.ActivateWebhookAsync()); // 204: no webhook
    }

    [Fact]
    public async Task AWebhookWhoseUrlFailsThePingIsNotCreated()
    {
        foreach (var existing in await _partner.ListWebhooksAsync()) await _partner.DeleteWebhookAsync(existing.Id);
        emulator.WebhookAnswer = HttpStatusCode.InternalServerError;
        try
        {
            var error = await Assert.ThrowsAsync<AccessLinkException>(() => _partner.CreateWebhookAsync(["SLEEP"], "https://broken.example/hook"));
            Assert.Equal(AccessLinkErrorKind.BadRequest, error.Kind);
            Assert.Empty(await _partner.ListWebhooksAsync());
        }
        finally
        {
            emulator.WebhookAnswer = HttpStatusCode.OK;
        }
    }

    [Fact]
    public async Task PartnerCallsWithWrongCredentialsAreRefused()
    {
        using var http = emulator.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("polarflow-tests:wrong")));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v3/notifications")).StatusCode);
    }

    private const string RedirectUri = "http://localhost:8000/oauth/polar/callback";

    private async Task<(string Code, string State)> AuthorizeCodeAsync(string state)
    {
        using var browser = emulator.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await browser.GetAsync(_partner.BuildAuthorizationUrl(state, RedirectUri).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.StartsWith(RedirectUri, response.Headers.Location!.ToString());
        return (query["code"].ToString(), query["state"].ToString());
    }

    private async Task<TokenResponse> AuthorizeAsync(string state)
    {
        var (code, echoed) = await AuthorizeCodeAsync(state);
        Assert.Equal(state, echoed);
        return await _partner.ExchangeCodeAsync(code, RedirectUri);
    }
}
