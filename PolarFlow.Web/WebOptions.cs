using System.ComponentModel.DataAnnotations;

namespace PolarFlow.Web;

/// <summary>How the dashboard reaches the API and where people reach the dashboard.</summary>
public sealed class WebOptions
{
    public const string Section = "PolarFlow:Web";

    /// <summary>The API, found through service discovery.</summary>
    [Required]
    public string ApiBaseUrl { get; set; } = "https+http://apiservice";

    /// <summary>The web's credential to the API (an AppHost-generated secret parameter); never sent to a browser.</summary>
    [Required]
    public string ApiKey { get; set; } = "";

    /// <summary>Where people open the dashboard (the setup link and Polar's return URL point here).</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where the Data Protection keys that protect the sign-in cookie are kept (shared by web replicas).</summary>
    public string? KeysDirectory { get; set; }

    /// <summary>The largest export upload passed on to the API (the API has its own limit too).</summary>
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024 * 1024;
}
