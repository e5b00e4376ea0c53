using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.SyncWorker.Extensions;
using PolarFlow.SyncWorker.Jobs;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>
/// The SyncWorker's own service registration (AddApplicationServices), not started as a host: its AccessLink
/// client talks to an in-memory emulator, its database is a fresh test database, its clock can be moved.
/// Every request it sends is recorded per token, so tests can see who called Polar, and whether two jobs of
/// one user ever overlapped.
/// </summary>
public sealed class SyncHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly ConcurrentDictionary<string, int> _inFlight = new();

    public SyncHarness(EmulatorFactory emulator, TestDatabase database, string redisPrefix, Action<Dictionary<string, string?>>? configure = null)
    {
        Emulator = emulator;
        Database = database;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:polarflow"] = database.ConnectionString,
            ["ConnectionStrings:cache"] = database.Servers.Redis,
            ["Polar:ClientId"] = EmulatorFactory.ClientId,
            ["Polar:ClientSecret"] = EmulatorFactory.ClientSecret,
            ["Polar:BaseUrl"] = emulator.Server.BaseAddress.ToString(),
            ["Polar:RetryBaseDelay"] = "00:00:00.020",
            ["Sync:Lease"] = "00:00:30",
            ["Sync:RateBudgetKey"] = "polarflow-tests:" + redisPrefix,
        };
        configure?.Invoke(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddApplicationServices();
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddHttpClient<AccessLinkClient>()
            .AddHttpMessageHandler(() => new RecordingHandler(this))
            .ConfigurePrimaryHttpMessageHandler(() => emulator.Server.CreateHandler());
        _services = builder.Services.BuildServiceProvider();
        RedisPrefix = redisPrefix;
    }

    public EmulatorFactory Emulator { get; }
    public TestDatabase Database { get; }
    public ShiftedTimeProvider Time { get; } = new();
    public string RedisPrefix { get; }
    public ConcurrentDictionary<string, int> CallsByToken { get; } = new();

    /// <summary>
    /// Calls by path, ids and dates as `{n}` (`/v3/users/{n}/sleep`) and exercise ids as `{id}`, to show where a sync's
    /// calls go.
    /// </summary>
    public ConcurrentDictionary<string, int> CallsByPath { get; } = new();
    public int Overlaps;
    private long _httpTicks;

    /// <summary>Time spent waiting on Polar (the emulator), summed over concurrent calls.</summary>
    public TimeSpan HttpTime => TimeSpan.FromTicks(Interlocked.Read(ref _httpTicks));

    public void ResetHttpTime() => Interlocked.Exchange(ref _httpTicks, 0);

    public SyncJobRunner Runner => _services.GetRequiredService<SyncJobRunner>();
    public SyncScheduler Scheduler => _services.GetRequiredService<SyncScheduler>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A PolarFlow user connected with the emulator user's token (encrypted as the connect flow does).</summary>
    public async Task<string> ConnectAsync(EmulatorFactory.TestUser polar, string? userId = null)
    {
        await using var db = Database.CreateDbContext();
        var user = new PolarUser
        {
            // Emulator instances number their users alike, and tests share a database: a suffix keeps ids apart.
            UserId = userId ?? $"{polar.PolarUserId}-{Guid.NewGuid().ToString("N")[..6]}",
            PolarUserId = polar.PolarUserId,
            ConnectionState = ConnectionState.Connected,
            EncryptedAccessToken = Get<PolarTokenProtector>().Protect(polar.AccessToken),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.UserId;
    }

    public async Task<SyncJob> EnqueueAsync(string userId, SyncJobTrigger trigger = SyncJobTrigger.Manual, IReadOnlyCollection<string>? types = null)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SyncJobQueue>().EnqueueAsync(userId, trigger, types);
    }

    /// <summary>A Polar webhook for these events, at the emulator and as PUT /api/v1/polar/webhook keeps it.</summary>
    public async Task SubscribeAsync(IReadOnlyList<string> events)
    {
        await Emulator.Partner().CreateWebhookAsync(events, "https://polarflow.example/webhooks/polar");
        await using var db = Database.CreateDbContext();
        db.PolarWebhooks.Add(new PolarWebhookRegistration
        {
            WebhookId = "test", Url = "https://polarflow.example/webhooks/polar", Events = [.. events],
            EncryptedSignatureKey = "unused by the sync",
        });
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// What the ApiService's receiver does with one of the emulator's webhook deliveries for this user (its signature and
    /// user lookup are tested in ConnectAndSyncApiTests): the event's types are queued, an EXERCISE's entity announced.
    /// </summary>
    public async Task DeliverAsync(string userId, (string Event, string Signature, string Body) delivery)
    {
        using var json = System.Text.Json.JsonDocument.Parse(delivery.Body);
        var entity = json.RootElement.TryGetProperty("entity_id", out var id) ? id.GetString() : null;
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SyncJobQueue>().AnnounceAsync(userId, delivery.Event, entity);
    }

    /// <summary>Runs due jobs until none is left; postponed ones (rate limit) are run after moving both clocks past the wait.</summary>
    public async Task DrainAsync(string worker = "test-worker", int maxJobs = 500)
    {
        for (var i = 0; i < maxJobs; i++)
        {
            if (await Runner.RunNextAsync(worker, CancellationToken.None)) continue;
            await using var db = Database.CreateDbContext();
            var waiting = await db.SyncJobs.AsNoTracking().Where(j => j.Status == SyncJobStatus.Queued).OrderBy(j => j.NotBefore).FirstOrDefaultAsync();
            if (waiting is null) return;
            var wait = waiting.NotBefore - Time.GetUtcNow() + TimeSpan.FromSeconds(1);
            Time.Advance(wait);
            await Emulator.AdminAsync(HttpMethod.Post, "/admin/clock", new { Advance = wait });
        }
        throw new InvalidOperationException("The queue did not drain.");
    }

    /// <summary>
    /// Runs due jobs on the real clock (no time travel) until none is queued or running: retries happen when their
    /// backoff has really passed, as in a running SyncWorker.
    /// </summary>
    public async Task RunUntilIdleAsync(TimeSpan limit, string worker = "test-worker")
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (await Runner.RunNextAsync(worker, CancellationToken.None)) continue;
            await using var db = Database.CreateDbContext();
            if (!await db.SyncJobs.AnyAsync(j => j.Status == SyncJobStatus.Queued || j.Status == SyncJobStatus.Running)) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Jobs were still waiting after {limit}.");
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    private sealed class RecordingHandler(SyncHarness harness) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.Headers.Authorization?.Parameter ?? "";
            harness.CallsByToken.AddOrUpdate(token, 1, (_, n) => n + 1);
            var exercise = System.Text.RegularExpressions.Regex.Replace(
                request.RequestUri?.AbsolutePath ?? "", "^/v3/exercises/[^/]+", "/v3/exercises/{id}");
            var path = System.Text.RegularExpressions.Regex.Replace(exercise, "/[0-9][0-9-]*", "/{n}");
            harness.CallsByPath.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (harness._inFlight.AddOrUpdate(token, 1, (_, n) => n + 1) > 1) Interlocked.Increment(ref harness.Overlaps);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return response;
            }
            finally
            {
                Interlocked.Add(ref harness._httpTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
                harness._inFlight.AddOrUpdate(token, 0, (_, n) => n - 1);
            }
        }
    }
}
