using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolarFlow.ApiService;
using PolarFlow.ApiService.Redis;
using PolarFlow.Tests.Infrastructure;
using StackExchange.Redis;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// Two ApiService replicas on one Redis: a key's budget is one budget, whichever replica answers, and the replicas
/// lease permits from Redis in batches rather than counting each request there.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private readonly ApiFactory _a = new();
    private ApiFactory _b = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_a).InitializeAsync();
        _b = await _a.StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_b).DisposeAsync();
        await ((IAsyncLifetime)_a).DisposeAsync();
    }

    [Fact]
    public async Task TwoReplicasTogetherGrantExactlyTheKeysLimitAndThenBothRefuse()
    {
        using var replicas = new LimitedReplicas(_a, _b, permits: 40);
        var (clientA, clientB) = (replicas.A, replicas.B);
        await StartEarlyInAMinuteAsync();

        var answers = new List<(string Replica, HttpResponseMessage Response)>();
        for (var i = 0; i < 100; i++)
        {
            var (name, client) = i % 2 == 0 ? ("a", clientA) : ("b", clientB);
            answers.Add((name, await client.GetAsync("/api/v1/users")));
        }

        var granted = answers.Where(x => x.Response.StatusCode == HttpStatusCode.OK).ToList();
        var refused = answers.Where(x => x.Response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(100, granted.Count + refused.Count);
        Assert.Equal(40, granted.Count); // not 80: one budget for the key, not one per replica
        Assert.Contains(granted, x => x.Replica == "a");
        Assert.Contains(granted, x => x.Replica == "b");
        // Once the budget is spent, both replicas refuse (neither keeps a private reserve), with the reset.
        Assert.All(answers.Skip(60), x => Assert.Equal(HttpStatusCode.TooManyRequests, x.Response.StatusCode));
        var last = refused[^1].Response;
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.InRange(int.Parse(last.Headers.GetValues("Retry-After").Single(),
            System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("0", last.Headers.GetValues("RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task AReplicaLeasesABatchOfPermitsSoMostRequestsCostNoRedisRoundTrip()
    {
        using var replicas = new LimitedReplicas(_a, _b, permits: 10_000);
        var (clientA, clientB) = (replicas.A, replicas.B);
        await StartEarlyInAMinuteAsync();

        HttpResponseMessage lastA = null!;
        for (var i = 0; i < 20; i++) lastA = await clientA.GetAsync("/api/v1/users");
        var afterA = await CountedAsync();
        for (var i = 0; i < 20; i++) await clientB.GetAsync("/api/v1/users");
        var afterB = await CountedAsync();

        // The lease is the default 50 permits: twenty requests moved the shared count once, by one batch.
        Assert.Equal(50, afterA);
        Assert.Equal(100, afterB);
        Assert.Equal("10000", lastA.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("9980", lastA.Headers.GetValues("RateLimit-Remaining").Single()); // 10,000 - 50 leased + 30 unused
    }

    /// <summary>Both replicas with the key limit set, each with an admin client.</summary>
    private sealed class LimitedReplicas : IDisposable
    {
        private readonly WebApplicationFactory<ApiServiceMarker>[] _factories;

        public LimitedReplicas(ApiFactory a, ApiFactory b, int permits)
        {
            var setting = permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _factories = [.. new[] { a, b }.Select(api =>
                api.WithWebHostBuilder(builder => builder.UseSetting("PolarFlow:RateLimit:PermitsPerMinute", setting)))];
            (A, B) = (Admin(_factories[0]), Admin(_factories[1]));
        }

        public HttpClient A { get; }

        public HttpClient B { get; }

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
            foreach (var factory in _factories) factory.Dispose();
        }

        private static HttpClient Admin(WebApplicationFactory<ApiServiceMarker> api)
        {
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.AdminKey);
            return client;
        }
    }

    /// <summary>The window is a calendar minute: start early in one so every request of a test shares it.</summary>
    private static async Task StartEarlyInAMinuteAsync()
    {
        if (DateTime.UtcNow.Second >= 45) await Task.Delay(TimeSpan.FromSeconds(61 - DateTime.UtcNow.Second));
    }

    /// <summary>The admin key's shared count in Redis for this minute (what all replicas have leased).</summary>
    private async Task<long> CountedAsync()
    {
        var prefix = _a.Services.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_a.Database.Servers.Redis);
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var key = Assert.Single(server.Keys(pattern: $"{prefix}:api-rate:*"));
        return (long)await redis.GetDatabase().StringGetAsync(key);
    }
}
