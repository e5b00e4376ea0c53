using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AccessLink;
using PolarFlow.AccessLink.Emulator;
using PolarFlow.AccessLink.Emulator.State;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// The AccessLink emulator in memory, one per test class. Webhook deliveries go to <see cref="Deliveries"/>
/// instead of the network; <see cref="WebhookAnswer"/> is what the "receiver" answers.
/// </summary>
public sealed class EmulatorFactory : WebApplicationFactory<EmulatorMarker>
{
    public const string ClientId = "polarflow-tests";
    public const string ClientSecret = "tests-secret";

    public ConcurrentQueue<(string Event, string Signature, string Body)> Deliveries { get; } = new();

    public HttpStatusCode WebhookAnswer { get; set; } = HttpStatusCode.OK;

    /// <summary>Days of life each athlete has; a short history fits inside every Polar window.</summary>
    public int HistoryDays { get; init; } = 200;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Emulator:ClientId", ClientId);
        builder.UseSetting("Emulator:ClientSecret", ClientSecret);
        builder.UseSetting("Emulator:HistoryDays", HistoryDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddHttpClient(WebhookSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler(this)));
    }

    /// <summary>A client on the emulator with our retry rules, as the app registers it.</summary>
    public ServiceProvider ClientServices(IEnumerable<IRateLimitObserver>? observers = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Polar:ClientId"] = ClientId,
                ["Polar:ClientSecret"] = ClientSecret,
                ["Polar:BaseUrl"] = Server.BaseAddress.ToString(),
                ["Polar:AuthorizationUrl"] = new Uri(Server.BaseAddress, "/oauth2/authorization").ToString(),
                ["Polar:TokenUrl"] = new Uri(Server.BaseAddress, "/v2/oauth2/token").ToString(),
            }).Build());
        foreach (var observer in observers ?? []) services.AddSingleton(observer);
        services.AddAccessLink();
        services.AddHttpClient<AccessLinkClient>().ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        services.AddHttpClient<AccessLinkPartnerClient>().ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        return services.BuildServiceProvider();
    }

    public AccessLinkClient Client() => ClientServices().GetRequiredService<AccessLinkClient>();

    public AccessLinkPartnerClient Partner() => ClientServices().GetRequiredService<AccessLinkPartnerClient>();

    public sealed record TestUser(long PolarUserId, string AccessToken);

    /// <summary>A new synthetic athlete with a token, registered <paramref name="registeredDaysAgo"/> days ago.</summary>
    public async Task<TestUser> CreateUserAsync(int registeredDaysAgo = 30, bool register = true)
    {
        using var admin = CreateClient();
        // Random ids: several emulators may feed one test database, and Polar user ids are unique there.
        var id = Random.Shared.NextInt64(100_000_000, 900_000_000);
        var response = await admin.PostAsJsonAsync("/admin/users", new { PolarUserId = id, RegisteredDaysAgo = registeredDaysAgo, Register = register });
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>())!;
        return new TestUser(body["polar_user_id"].GetInt64(), body["access_token"].GetString()!);
    }

    public async Task AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var admin = CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        (await admin.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public async Task<System.Text.Json.JsonElement> TruthAsync(long polarUserId)
    {
        using var admin = CreateClient();
        return await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/admin/users/{polarUserId}/truth");
    }

    /// <summary>The AccessLink calls the emulator answered for one athlete, by route (`GET /v3/exercises/{exerciseId}/fit`).</summary>
    public async Task<Dictionary<string, int>> CallsAsync(long polarUserId)
    {
        using var admin = CreateClient();
        return (await admin.GetFromJsonAsync<Dictionary<string, int>>($"/admin/calls?user={polarUserId}"))!;
    }

    private sealed class CapturingHandler(EmulatorFactory factory) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            factory.Deliveries.Enqueue((request.Headers.GetValues("Polar-Webhook-Event").Single(), request.Headers.GetValues("Polar-Webhook-Signature").Single(), body));
            return new HttpResponseMessage(factory.WebhookAnswer);
        }
    }
}
