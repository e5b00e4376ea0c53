using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Faults;

/// <summary>
/// A PostgreSQL of the test's own, hung for real (the postmaster and every backend stopped) and then restarted,
/// under a running ApiService. Before: `/health` answered after the whole hang and said Healthy, and every request
/// waited the whole hang. Durations are bounds with slack for a loaded machine; bench-faults.sh measures them.
/// </summary>
public sealed class DatabaseFaultTests
{
    private const int RequestTimeoutSeconds = 3;

    private sealed class Factory(string connectionString) : ApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:polarflow", connectionString);
            builder.UseSetting("PolarFlow:RequestTimeoutSeconds", RequestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("PolarFlow:Database:ConnectTimeoutSeconds", "2");
            builder.UseSetting("PolarFlow:Database:CommandTimeoutSeconds", "2");
        }
    }

    [Fact]
    public async Task AHungOrRestartedDatabaseIsSeenWithinASecondAnswered503WithRetryAfterAndRecoveredWithoutARestart()
    {
        await using var postgres = await FaultyServer.StartPostgresAsync();
        var api = new Factory(postgres.ConnectionString);
        await ((IAsyncLifetime)api).InitializeAsync();
        try
        {
            using var admin = api.CreateAdminClient();
            await WaitUntilAsync(admin, "Healthy"); // the ApiService migrated the new database itself
            var userId = "faults-" + Guid.NewGuid().ToString("N")[..8];
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId })).StatusCode);
            using var user = await UserClientAsync(api, admin, userId);
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);

            postgres.Hang();
            var health = await TimedAsync(() => admin.GetAsync("/health"));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Response.StatusCode);
            Assert.Equal("Unhealthy", await health.Response.Content.ReadAsStringAsync());
            Assert.True(health.Took < TimeSpan.FromSeconds(2.5), $"/health took {health.Took.TotalMilliseconds:F0} ms while PostgreSQL hung");
            // A user key is looked up in the database, the admin key is not: both must answer, and in time.
            var during = await Task.WhenAll(
                TimedAsync(() => user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")),
                TimedAsync(() => admin.GetAsync($"/api/v1/users/{userId}/analytics/summary")),
                TimedAsync(() => admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId + "-2" })));
            foreach (var (response, took) in during) await IsUnavailableAsync(response, took, "hung");

            postgres.Resume();
            await WaitUntilAsync(admin, "Healthy");
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);

            await postgres.StopAsync();
            var down = await TimedAsync(() => user.GetAsync($"/api/v1/users/{userId}/sleep?days=30"));
            await IsUnavailableAsync(down.Response, down.Took, "stopped");
            Assert.Equal("Unhealthy", await (await admin.GetAsync("/health")).Content.ReadAsStringAsync());

            await postgres.StartAgainAsync();
            await WaitUntilAsync(admin, "Healthy");
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync($"/api/v1/users/{userId}/sleep?days=30")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId + "-3" })).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)api).DisposeAsync();
        }
    }

    private static async Task IsUnavailableAsync(HttpResponseMessage response, TimeSpan took, string how)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"PostgreSQL {how}: answered {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 }, $"PostgreSQL {how}: no Retry-After");
        Assert.DoesNotContain("Npgsql", body);
        Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.True(took < TimeSpan.FromSeconds(RequestTimeoutSeconds + 3), $"PostgreSQL {how}: a request was held {took.TotalSeconds:F1} s");
    }

    private static async Task<(HttpResponseMessage Response, TimeSpan Took)> TimedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        var response = await send();
        return (response, clock.Elapsed);
    }

    private static async Task WaitUntilAsync(HttpClient client, string state)
    {
        var clock = Stopwatch.StartNew();
        while (await (await client.GetAsync("/health")).Content.ReadAsStringAsync() != state)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"/health never said {state}");
            await Task.Delay(250);
        }
    }

    private static async Task<HttpClient> UserClientAsync(ApiFactory api, HttpClient admin, string userId)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "faults", Kind = "user", UserId = userId });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        return client;
    }
}
