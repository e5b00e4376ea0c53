using System.ComponentModel.DataAnnotations;

namespace PolarFlow.ApiService.RateLimits;

/// <summary>`PolarFlow:RateLimit`: each key's requests a minute, and the most permits a replica leases at once.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "PolarFlow:RateLimit";

    [Range(1, int.MaxValue)]
    public int PermitsPerMinute { get; set; } = 600;

    [Range(1, 10_000)]
    public int LeaseSize { get; set; } = 50;
}
