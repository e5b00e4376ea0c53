using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.AccessLink;
using PolarFlow.ApiService;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// The real ApiService in memory, on its own fresh PostgreSQL database and the shared test Redis, talking to an
/// in-memory AccessLink emulator. Use one per test class (IClassFixture) so classes never see each other's data.
/// </summary>
public class ApiFactory : WebApplicationFactory<ApiServiceMarker>, IAsyncLifetime
{
    private readonly string? _redis;
    private readonly string _redisPrefix = "tests-" + Guid.NewGuid().ToString("N"); // test classes share one Redis
    private readonly bool _replica;

    public ApiFactory() : this(historyDays: 25) { }

    /// <param name="historyDays">The emulator athletes' days of life.</param>
    /// <param name="redis">Another Redis connection string (an unreachable one to test life without Redis).</param>
    protected ApiFactory(int historyDays, string? redis = null)
    {
        Emulator = new EmulatorFactory { HistoryDays = historyDays };
        Database = new TestDatabase();
        _redis = redis;
    }

    /// <summary>Another replica of <paramref name="primary"/>: its own ApiService on the same database, Redis and emulator.</summary>
    protected ApiFactory(ApiFactory primary)
    {
        Emulator = primary.Emulator;
        Database = primary.Database;
        _redis = primary._redis;
        _redisPrefix = primary._redisPrefix;
        _replica = true;
    }

    /// <summary>A second ApiService of a running one (dispose it; the primary owns the database).</summary>
    public sealed class Replica(ApiFactory primary) : ApiFactory(primary);

    /// <summary>A started <see cref="Replica"/> of this API (dispose it before this one).</summary>
    public async Task<ApiFactory> StartReplicaAsync()
    {
        var replica = new Replica(this);
        await ((IAsyncLifetime)replica).InitializeAsync();
        return replica;
    }

    public const string AdminKey = "test-admin-key-0123456789abcdef-0123";
    public const string WebhookSecret = "test-webhook-secret";

    public TestDatabase Database { get; }

    public EmulatorFactory Emulator { get; }

    /// <summary>Where this API keeps uploaded exports (its own, so tests can look at it).</summary>
    public string ImportDirectory { get; } = Path.Combine(Path.GetTempPath(), "polarflow-test-imports", Guid.NewGuid().ToString("N"));

    /// <summary>The API's clock: real time plus what a test moved it by (to follow the emulator's clock).</summary>
    public ShiftedTimeProvider Time { get; } = new();

    public async Task InitializeAsync()
    {
        if (!_replica) await Database.InitializeAsync();
    }

    public HttpClient CreateAdminClient() => CreateKeyClient(AdminKey);

    /// <summary>
    /// Returns once this API has heard every change committed before the call (PostgreSQL delivers notifications in
    /// commit order, so hearing a ping sent now means every earlier one was heard): what a test that writes and then
    /// reads through this replica waits for, where a real client lives with the feed's few milliseconds.
    /// </summary>
    public async Task CaughtUpAsync()
    {
        var feed = Services.GetRequiredService<PolarFlow.ApiService.Database.ChangeFeed>();
        if (!feed.IsLive) return; // nothing is answered from memory, and it forgets everything when it starts
        var ping = "ping:" + Guid.NewGuid().ToString("N");
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Hear(string? payload) { if (payload == ping) heard.TrySetResult(); }
        feed.Changed += Hear;
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var notify = new Npgsql.NpgsqlCommand($"SELECT pg_notify('{PolarFlow.ApiService.Database.ChangeFeed.Channel}', @ping)", connection);
            notify.Parameters.AddWithValue("ping", ping);
            await notify.ExecuteNonQueryAsync();
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            feed.Changed -= Hear;
        }
    }

    public HttpClient CreateKeyClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    /// <summary>A new API key made with the admin key (`user` keys name their user); the key itself, shown once.</summary>
    public async Task<string> CreateKeyAsync(string kind, string? userId = null)
    {
        using var admin = CreateAdminClient();
        var created = await admin.PostAsJsonAsync("/api/v1/keys", new { Name = $"test {kind}", Kind = kind, UserId = userId });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:polarflow", Database.ConnectionString);
        builder.UseSetting("ConnectionStrings:cache", _redis ?? Database.Servers.Redis);
        builder.UseSetting("PolarFlow:AdminApiKey", AdminKey);
        builder.UseSetting("PolarFlow:PublicBaseUrl", "http://polarflow.test");
        builder.UseSetting("PolarFlow:ReturnUrlAllowList:0", "https://app.example.com/");
        builder.UseSetting("Polar:ClientId", EmulatorFactory.ClientId);
        builder.UseSetting("Polar:ClientSecret", EmulatorFactory.ClientSecret);
        builder.UseSetting("Polar:BaseUrl", Emulator.Server.BaseAddress.ToString());
        builder.UseSetting("Polar:AuthorizationUrl", new Uri(Emulator.Server.BaseAddress, "/oauth2/authorization").ToString());
        builder.UseSetting("Polar:TokenUrl", new Uri(Emulator.Server.BaseAddress, "/v2/oauth2/token").ToString());
        builder.UseSetting("Polar:WebhookSecret", WebhookSecret);
        builder.UseSetting("PolarFlow:Imports:Directory", ImportDirectory);
        builder.UseSetting("PolarFlow:Keys:LastUsedFlushSeconds", "3600"); // tests flush key uses themselves
        builder.UseSetting("PolarFlow:Redis:KeyPrefix", _redisPrefix);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddHttpClient<AccessLinkClient>().ConfigurePrimaryHttpMessageHandler(() => Emulator.Server.CreateHandler());
            services.AddHttpClient<AccessLinkPartnerClient>().ConfigurePrimaryHttpMessageHandler(() => Emulator.Server.CreateHandler());
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(ImportDirectory)) Directory.Delete(ImportDirectory, recursive: true);
        if (_replica) return;
        await Emulator.DisposeAsync();
        await Database.DisposeAsync();
    }
}
