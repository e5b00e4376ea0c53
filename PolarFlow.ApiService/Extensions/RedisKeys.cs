namespace PolarFlow.ApiService.Extensions;

/// <summary>Every Redis key the API writes starts with `PolarFlow:Redis:KeyPrefix` (default `polarflow`).</summary>
public static class RedisKeys
{
    public static string Prefix(IConfiguration configuration) => configuration["PolarFlow:Redis:KeyPrefix"] ?? "polarflow";
}
