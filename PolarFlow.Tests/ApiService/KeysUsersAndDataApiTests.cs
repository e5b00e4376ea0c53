using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.Tests.Data;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

public sealed class KeysUsersAndDataApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task KeysAreShownOnceStoredHashedAndRevocable()
    {
        using var admin = api.CreateAdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "laravel", Kind = "service" })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("key").GetString()!;
        using var service = Client(secret);

        var listed = await admin.GetStringAsync("/api/v1/keys");
        await using (var db = api.Database.CreateDbContext())
        {
            var row = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.KeyId == created.GetProperty("keyId").GetString());
            Assert.DoesNotContain(secret, row.KeyHash + row.Name);
            Assert.Equal(64, row.KeyHash.Length); // SHA-256, hex
        }
        Assert.DoesNotContain(secret, listed);
        Assert.Equal(HttpStatusCode.Created, (await service.PostAsJsonAsync("/api/v1/users", new { UserId = "made-by-service" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.PostAsJsonAsync("/api/v1/keys", new { Name = "x", Kind = "service" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/keys/{created.GetProperty("keyId").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.GetAsync("/api/v1/users/made-by-service")).StatusCode);
    }

    [Fact]
    public async Task AKeyShowsWhenItWasLastUsedAndTheDatabaseIsWrittenOnlyWhenUsesAreFlushed()
    {
        var userId = await SeedUserAsync();
        using var admin = api.CreateAdminClient();
        var created = await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "used", Kind = "user", UserId = userId })).Content.ReadFromJsonAsync<JsonElement>();
        var keyId = created.GetProperty("keyId").GetString()!;
        static DateTimeOffset? LastUsed(JsonElement keys, string id) =>
            keys.EnumerateArray().Single(k => k.GetProperty("keyId").GetString() == id).GetProperty("lastUsedAt") is { ValueKind: JsonValueKind.String } v
                ? v.GetDateTimeOffset() : null;
        Assert.Null(LastUsed(await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys"), keyId));

        using var user = Client(created.GetProperty("key").GetString()!);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep")).StatusCode);

        // Five requests, no write yet: the use is in memory, and the list already shows it.
        await using (var db = api.Database.CreateDbContext())
        {
            Assert.Null((await db.ApiKeys.AsNoTracking().SingleAsync(k => k.KeyId == keyId)).LastUsedAt);
        }
        Assert.True(LastUsed(await admin.GetFromJsonAsync<JsonElement>("/api/v1/keys"), keyId) >= before);

        await using (var db = api.Database.CreateDbContext())
        {
            Assert.Equal(1, await api.Services.GetRequiredService<PolarFlow.ApiService.Keys.KeyUsage>().FlushAsync(db, CancellationToken.None));
            Assert.True((await db.ApiKeys.AsNoTracking().SingleAsync(k => k.KeyId == keyId)).LastUsedAt >= before);
        }
    }

    [Theory]
    [InlineData("/api/v1/users/{u}/sleep?days=0", "days")]
    [InlineData("/api/v1/users/{u}/sleep?days=3651", "days")]
    [InlineData("/api/v1/users/{u}/sleep?days=ten", "days")]
    [InlineData("/api/v1/users/{u}/sleep?from=2026-11-10&to=2026-11-01", "from")]
    [InlineData("/api/v1/users/{u}/sleep?from=2026-11-10", "to")]
    [InlineData("/api/v1/users/{u}/sleep?from=2026-13-01&to=2026-11-01", "from")]
    [InlineData("/api/v1/users/{u}/sleep/yesterday", "date")]
    [InlineData("/api/v1/users/{u}/nightly-recharge?days=-1", "days")]
    [InlineData("/api/v1/users/{u}/sync/history?limit=abc", "limit")]
    [InlineData("/api/v1/users/{u}/sync/history?limit=", "limit")]
    [InlineData("/api/v1/users/{u}/sync/history?limit=99999999999", "limit")]
    [InlineData("/api/v1/users/{u}/sync/history?limit=201", "limit")]
    [InlineData("/api/v1/users/{u}/exercises/x/samples?type=speed", "type")]
    [InlineData("/api/v1/users/{u}/exercises/x/samples?type=12", "type")]
    [InlineData("/api/v1/users/{u}/analytics/sleep?weekend_days=sat,sat", "weekend_days")]
    [InlineData("/api/v1/users/{u}/analytics/hrv?swc_multiplier=0.7", "swc_multiplier")]
    [InlineData("/api/v1/users/{u}/analytics/hrv?as_of=2999-01-01", "as_of")]
    [InlineData("/api/v1/users/{u}/analytics/hrv?days=366", "days")]
    [InlineData("/api/v1/users?page=0", "page")]
    [InlineData("/api/v1/users?page_size=201", "page_size")]
    [InlineData("/api/v1/users?page_size=ten", "page_size")]
    public async Task BadInputIsA400NamingTheParameter(string path, string parameter)
    {
        var userId = await SeedUserAsync();
        using var admin = api.CreateAdminClient();

        var response = await admin.GetAsync(path.Replace("{u}", userId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(parameter, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"access_token\":")]
    [InlineData("[1,2]")]
    public async Task AMissingOrMalformedBodyIsA400NotA500(string body)
    {
        var userId = await SeedUserAsync();
        using var admin = api.CreateAdminClient();

        var response = await admin.PutAsync($"/api/v1/users/{userId}/polar/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("body", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task SleepAndRechargeServeWhatTheSyncStoredWithTheirOffsets()
    {
        var userId = await SeedUserAsync();
        using var admin = api.CreateAdminClient();

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/sleep?from=2026-11-01&to=2026-11-30");
        var night = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/sleep/2026-11-20");
        var recharge = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/nightly-recharge/2026-11-20");
        var missing = await admin.GetAsync($"/api/v1/users/{userId}/sleep/2026-01-01");
        var unknown = await admin.GetAsync("/api/v1/users/no-such-user/sleep");

        Assert.Equal(1, list.GetProperty("count").GetInt32());
        Assert.Equal("2026-11-01", list.GetProperty("from").GetString());
        Assert.Equal("2026-11-20T00:39:07+03:00", night.GetProperty("night").GetProperty("sleepStartTime").GetString()); // Polar's own offset
        Assert.Equal(2, night.GetProperty("hypnogram").GetProperty("00:39").GetInt32());
        Assert.Equal(14, recharge.GetProperty("hrvSamples").GetProperty("00:41").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task UsersAreListedByIdWithTheirConnectionLastSyncAndDaysHeldPageByPage()
    {
        var prefix = "list-" + Guid.NewGuid().ToString("N")[..6];
        var synced = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        await using (var db = api.Database.CreateDbContext())
        {
            db.Users.AddRange(
                new PolarFlow.Data.Entities.PolarUser { UserId = prefix + "-a", ConnectionState = PolarFlow.Data.Entities.ConnectionState.Connected },
                new PolarFlow.Data.Entities.PolarUser { UserId = prefix + "-b", ConnectionState = PolarFlow.Data.Entities.ConnectionState.TokenRevoked },
                new PolarFlow.Data.Entities.PolarUser { UserId = prefix + "-c" });
            await db.SaveChangesAsync();
            await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, prefix + "-a", changed: false);
            db.SyncCursors.Add(new PolarFlow.Data.Entities.SyncCursor { UserId = prefix + "-a", DataType = "sleep", LastSuccessAt = synced });
            await db.SaveChangesAsync();
        }
        DateOnly night;
        await using (var db = api.Database.CreateDbContext())
        {
            night = await db.Sleep.Where(x => x.UserId == prefix + "-a").Select(x => x.Date).SingleAsync();
        }
        using var admin = api.CreateAdminClient();

        // Two at a time, every page: together they are every user, once, in id order.
        var listed = new List<JsonElement>();
        int total;
        for (var page = 1; ; page++)
        {
            var answer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?page={page}&page_size=2");
            total = answer.GetProperty("total").GetInt32();
            var items = answer.GetProperty("items").EnumerateArray().ToList();
            if (items.Count == 0) break;
            Assert.True(items.Count <= 2);
            listed.AddRange(items);
        }
        var ids = listed.Select(u => u.GetProperty("userId").GetString()!).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        var a = listed.Single(u => u.GetProperty("userId").GetString() == prefix + "-a");
        Assert.Equal("Connected", a.GetProperty("connectionState").GetString());
        Assert.Equal(night.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.GetProperty("firstDate").GetString());
        Assert.Equal(a.GetProperty("firstDate").GetString(), a.GetProperty("lastDate").GetString());
        Assert.Equal(synced, a.GetProperty("lastSyncAt").GetDateTimeOffset());
        Assert.Equal("TokenRevoked", listed.Single(u => u.GetProperty("userId").GetString() == prefix + "-b").GetProperty("connectionState").GetString());
        var c = listed.Single(u => u.GetProperty("userId").GetString() == prefix + "-c");
        Assert.Equal(JsonValueKind.Null, c.GetProperty("lastSyncAt").ValueKind);

        // A service key lists them too; a user key may not.
        var service = await api.CreateKeyAsync("service");
        var user = await api.CreateKeyAsync("user", prefix + "-a");
        using var withService = Client(service);
        using var withUser = Client(user);
        Assert.Equal(HttpStatusCode.OK, (await withService.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await withUser.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task AUserKeyReachesNoOtherUserOnAnyRouteAndNoRouteAnswersWithoutAKey()
    {
        var alice = await SeedUserAsync();
        var bob = await SeedUserAsync();
        using var admin = api.CreateAdminClient();
        var aliceKey = (await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "alice", Kind = "user", UserId = alice })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("key").GetString()!;
        using var asAlice = Client(aliceKey);
        using var anonymous = api.CreateClient();

        var routes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .ToList();
        var open = new[] { "/", "/health", "/alive", "/oauth/polar/callback", "/webhooks/polar", "/openapi/{documentName}.json" };
        var perUser = routes.Where(r => r.Pattern.Contains("{userId}")).ToList();

        Assert.True(perUser.Count >= 10, $"only {perUser.Count} per-user routes found");
        foreach (var (method, pattern) in perUser)
        {
            var own = await asAlice.SendAsync(new HttpRequestMessage(new HttpMethod(method), Fill(pattern, bob)) { Content = JsonContent.Create(new { }) });
            Assert.True(own.StatusCode == HttpStatusCode.Forbidden, $"{method} {pattern} with Alice's key on Bob answered {(int)own.StatusCode}");
        }
        foreach (var (method, pattern) in routes.Where(r => !open.Contains(r.Pattern) && !r.Pattern.StartsWith("/docs")))
        {
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), Fill(pattern, bob)) { Content = JsonContent.Create(new { }) });
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {pattern} without a key answered {(int)response.StatusCode}");
        }
        // And Alice's key does work on Alice.
        Assert.Equal(HttpStatusCode.OK, (await asAlice.GetAsync($"/api/v1/users/{alice}/sleep?days=3650")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheApiAndTheDocsPageRenders()
    {
        using var anonymous = api.CreateClient();

        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var docs = await anonymous.GetAsync("/docs/v1");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(paths, p => p.EndsWith("/users/{userId}/sleep"));
        Assert.Contains(paths, p => p.EndsWith("/keys"));
        Assert.DoesNotContain(paths, p => p.Contains("webhooks"));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("<html", await docs.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        Assert.Equal(81, document.GetProperty("components").GetProperty("schemas").GetProperty("SleepDto").GetProperty("examples")[0].GetProperty("sleepScore").GetInt32());

        // Two standard linters, Redocly's recommended rules and Spectral's spectral:oas, find nothing, not even a warning.
        await NodeTools.EnsureInstalledAsync("openapi-lint", Path.Combine("@stoplight", "spectral-cli"));
        var file = Path.Combine(Path.GetTempPath(), $"polarflow-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document.GetRawText());
        try
        {
            var redocly = await ProcessRunner.RunAsync("node",
                [Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--format=json"],
                workingDirectory: NodeTools.Folder("openapi-lint"));
            var json = redocly.Output[redocly.Output.IndexOf('{')..(redocly.Output.LastIndexOf('}') + 1)];
            var totals = JsonDocument.Parse(json).RootElement.GetProperty("totals");
            Assert.True(redocly.ExitCode == 0 && totals.GetProperty("errors").GetInt32() == 0 && totals.GetProperty("warnings").GetInt32() == 0,
                "redocly lint:\n" + redocly.Output);
            var spectral = await ProcessRunner.RunAsync("node",
                [Path.Combine("node_modules", "@stoplight", "spectral-cli", "dist", "index.js"), "lint", file,
                 "--ruleset", ".spectral.yaml", "--fail-severity", "hint"],
                workingDirectory: NodeTools.Folder("openapi-lint"));
            Assert.True(spectral.ExitCode == 0, "spectral lint:\n" + spectral.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private HttpClient Client(string key)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    private static string Fill(string pattern, string userId) => pattern
        .Replace("{version:apiVersion}", "1").Replace("{userId}", userId).Replace("{date}", "2026-11-20").Replace("{keyId}", "0123456789ab")
        .Replace("{id:long}", "1697787256").Replace("{id:guid}", Guid.Empty.ToString()).Replace("{personId:guid}", Guid.Empty.ToString()).Replace("{token}", "not-a-token").Replace("{id}", "ymeoBNZw");

    /// <summary>A user with one night and one recharge, stored as the sync stores them (the upsert tests' samples).</summary>
    private async Task<string> SeedUserAsync()
    {
        await using var db = api.Database.CreateDbContext();
        var userId = "api-" + Guid.NewGuid().ToString("N")[..8];
        db.Users.Add(new PolarFlow.Data.Entities.PolarUser { UserId = userId });
        await db.SaveChangesAsync();
        await SyncedRecordSamples.ByTable["sleep"].UpsertAsync(db, userId, changed: false);
        await SyncedRecordSamples.ByTable["nightly_recharge"].UpsertAsync(db, userId, changed: false);
        return userId;
    }
}
