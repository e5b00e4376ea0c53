namespace PolarFlow.AccessLink.Emulator;

/// <summary>Settings under `Emulator:`. Defaults are Polar's behaviour; the demo widenings are not.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>The partner client the emulator accepts (Basic auth on the token exchange and client endpoints).</summary>
    public string ClientId { get; set; } = "polarflow-emulator";

    public string ClientSecret { get; set; } = "emulator-secret";

    /// <summary>How many days of synthetic life each athlete has lived when first seen.</summary>
    public int HistoryDays { get; set; } = 400;

    /// <summary>Seeds every athlete (with the athlete's Polar user id), so the same settings give the same data.</summary>
    public int Seed { get; set; } = 20261128;

    /// <summary>
    /// NOT Polar's behaviour: widens the 28/30-day windows to this many days so a demo's first sync shows
    /// long-term analytics. 0 keeps Polar's windows.
    /// </summary>
    public int DemoWindowDays { get; set; }

    /// <summary>The authorization page refuses consent (`?error=access_denied`) when true.</summary>
    public bool DenyConsent { get; set; }

    public int ShortWindowBaseLimit { get; set; } = 500;
    public int ShortWindowPerUser { get; set; } = 20;
    public int LongWindowBaseLimit { get; set; } = 5000;
    public int LongWindowPerUser { get; set; } = 100;

    /// <summary>An athlete registered at start with this token, so a first run has a connected user (empty: none).</summary>
    public string DemoAccessToken { get; set; } = "";

    public long DemoPolarUserId { get; set; } = 40000001;
}
