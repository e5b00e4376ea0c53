using System.ComponentModel.DataAnnotations;

namespace PolarFlow.AccessLink;

/// <summary>Settings under `Polar:`. The URLs default to Polar's; the AppHost points them at the emulator.</summary>
public sealed class AccessLinkOptions
{
    public const string Section = "Polar";

    [Required]
    public string ClientId { get; set; } = "";

    [Required]
    public string ClientSecret { get; set; } = "";

    /// <summary>AccessLink v3 (`/v3/...`).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://www.polaraccesslink.com");

    /// <summary>Where the user's browser goes to consent.</summary>
    [Required]
    public Uri AuthorizationUrl { get; set; } = new("https://flow.polar.com/oauth2/authorization");

    [Required]
    public Uri TokenUrl { get; set; } = new("https://polarremote.com/v2/oauth2/token");

    /// <summary>The first retry's delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of a call that failed (5xx, a dropped connection) before the sync step sees the failure.</summary>
    public int MaxRetryAttempts { get; set; } = 3;
}
