using System.ComponentModel.DataAnnotations;

namespace PolarFlow.ApiService.Redis;

/// <summary>`PolarFlow:Redis`: how long a Redis call may take and how long Redis is left alone after it failed.</summary>
public sealed class RedisOptions
{
    public const string Section = "PolarFlow:Redis";

    /// <summary>Every key the API writes starts with this.</summary>
    public string KeyPrefix { get; set; } = "polarflow";

    /// <summary>A call slower than this counts as a failure (Redis answers in well under a millisecond when well).</summary>
    [Range(5, 5000)]
    public int TimeoutMilliseconds { get; set; } = 100;

    /// <summary>The same for a call the request cannot do without (a connect flow's OAuth state).</summary>
    [Range(5, 10000)]
    public int EssentialTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>After two failures in ten seconds Redis is not asked for this long; then one call tries again.</summary>
    [Range(1, 300)]
    public int BreakSeconds { get; set; } = 5;
}
