using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace PolarFlow.ApiService.Redis;

/// <summary>
/// Every Redis call of the API: a short timeout and a circuit (Polly), so a Redis that hangs or is down costs a
/// request at most <see cref="RedisOptions.TimeoutMilliseconds"/> while the circuit learns it, and nothing after.
/// Callers get "no answer" and go on without Redis (the cache misses, rate limits fail open); each skipped call is
/// counted in `polarflow.redis.unavailable` by operation.
/// </summary>
public sealed partial class RedisGuard
{
    private readonly IConnectionMultiplexer _redis;
    private readonly ResiliencePipeline _pipeline;
    private readonly ResiliencePipeline _essential;
    private readonly Counter<long> _unavailable;
    private readonly ILogger<RedisGuard> _logger;

    public RedisGuard(IConnectionMultiplexer redis, IOptions<RedisOptions> options, IMeterFactory meters, ILogger<RedisGuard> logger)
    {
        _redis = redis;
        _logger = logger;
        _unavailable = meters.Create("PolarFlow.ApiService").CreateCounter<long>("polarflow.redis.unavailable", description:
            "Redis calls skipped or failed: the request went on without Redis");
        var circuit = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>().Handle<TimeoutRejectedException>(),
                // Judged over the last second, so the successes of a busy minute before a hang do not outvote it (with a
                // 10 s window, 89 requests in a row paid the timeout before it opened); four failures at least, so the
                // slow first calls of a cold start do not open it.
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(1),
                BreakDuration = TimeSpan.FromSeconds(options.Value.BreakSeconds),
                OnOpened = args =>
                {
                    LogOpened(_logger, args.BreakDuration.TotalSeconds, args.Outcome.Exception?.Message ?? "");
                    return default;
                },
                OnClosed = _ =>
                {
                    LogClosed(_logger);
                    return default;
                },
            })
            .Build();
        // One circuit, two budgets: a call the request can do without (cache, rate count) may cost little; one it
        // cannot (a connect flow's state) may wait longer for a busy Redis before the request is refused.
        _pipeline = new ResiliencePipelineBuilder().AddPipeline(circuit)
            .AddTimeout(TimeSpan.FromMilliseconds(options.Value.TimeoutMilliseconds)).Build();
        _essential = new ResiliencePipelineBuilder().AddPipeline(circuit)
            .AddTimeout(TimeSpan.FromMilliseconds(options.Value.EssentialTimeoutMilliseconds)).Build();
    }

    /// <summary>Whether Redis is being left alone after failures (callers skip it without trying).</summary>
    public bool IsOpen { get; private set; }

    /// <summary>Runs the call; on a timeout, a failure or an open circuit, returns no value instead of throwing.</summary>
    public Task<(bool Ok, T Value)> TryAsync<T>(string operation, Func<IDatabase, Task<T>> call) =>
        RunAsync(_pipeline, operation, call);

    /// <summary>
    /// As <see cref="TryAsync{T}"/>, with <see cref="RedisOptions.EssentialTimeoutMilliseconds"/>: for a call without
    /// which the request fails.
    /// </summary>
    public Task<(bool Ok, T Value)> TryEssentialAsync<T>(string operation, Func<IDatabase, Task<T>> call) =>
        RunAsync(_essential, operation, call);

    private async Task<(bool Ok, T Value)> RunAsync<T>(ResiliencePipeline pipeline, string operation,
        Func<IDatabase, Task<T>> call)
    {
        if (!_redis.IsConnected)
        {
            _unavailable.Add(1, new KeyValuePair<string, object?>("operation", operation), new("reason", "disconnected"));
            return (false, default!);
        }
        try
        {
            // StackExchange.Redis takes no token: WaitAsync lets the timeout give up on the call it cannot cancel.
            var value = await pipeline.ExecuteAsync(async token => await call(_redis.GetDatabase()).WaitAsync(token),
                CancellationToken.None);
            IsOpen = false;
            return (true, value);
        }
        catch (Exception ex) when (ex is BrokenCircuitException or RedisException or TimeoutException or TimeoutRejectedException)
        {
            IsOpen = ex is BrokenCircuitException;
            _unavailable.Add(1, new KeyValuePair<string, object?>("operation", operation), new("reason", ex is BrokenCircuitException ? "circuit open" : "failed"));
            return (false, default!);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis failed or hung: leaving it alone for {Seconds} s (cache off, rate limits open): {Reason}")]
    private static partial void LogOpened(ILogger logger, double seconds, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis answers again")]
    private static partial void LogClosed(ILogger logger);
}
