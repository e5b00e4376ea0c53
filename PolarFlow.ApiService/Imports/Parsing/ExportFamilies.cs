using System.Text.RegularExpressions;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>
/// Tells a file of a Polar Flow export by its base name (files sit at the root or under one top folder):
/// the families PolarFlow reads, and the others it counts as skipped (docs/history-import.md).
/// </summary>
public static partial class ExportFamilies
{
    public const string TrainingSession = "training_session";
    public const string Activity = "activity";
    public const string HeartRate = "heart_rate_247";
    public const string SleepResult = "sleep_result";
    public const string SleepScore = "sleep_score";
    public const string NightlyRecovery = "nightly_recovery";
    public const string CalendarItems = "calendar_items";
    /// <summary>A session's TCX, GPX, FIT or CSV beside its JSON (same name, other extension): kept with that session.</summary>
    public const string TrainingSessionFile = "training_session_file";

    /// <summary>Known to be Polar's but not read (yet): counted as skipped with this reason.</summary>
    private static readonly (Regex Pattern, string Family, string Reason)[] Skipped =
    [
        (Ppi(), "ppi", "beat-to-beat (PPI) samples are not stored"),
        (new Regex("^sleep_wake_"), "sleep_wake", "sleep/wake state changes are already in the sleep result's hypnogram"),
        (new Regex("^nightly_recovery_blob_"), "nightly_recovery_blob", "the recovery sample blob has no date to join it to"),
        (new Regex("^generic-period-"), "biosensing", "biosensing periods: their export format is not documented yet"),
        (new Regex("^(orthostatic-test-result|fitness-test-results|jump-test-result)"), "tests", "fitness and orthostatic tests are not stored"),
        (new Regex("^(account-data|account-profile|products-devices|sport-profiles|training-target|favourite-targets|programs|planned-route|profile-picture)"),
            "account", "account, device and planning data are not health records"),
    ];

    private static readonly (Regex Pattern, string Family)[] Read =
    [
        (new Regex(@"^training-session[_-]"), TrainingSession),
        (new Regex(@"^activity-\d{4}-\d{2}-\d{2}"), Activity),
        (new Regex(@"^247ohr_\d{4}_\d{2}"), HeartRate),
        (new Regex("^sleep_result_"), SleepResult),
        (new Regex("^sleep_score_"), SleepScore),
        (new Regex(@"^nightly_recovery_(?!blob)"), NightlyRecovery),
        (new Regex("^calendar-items"), CalendarItems),
    ];

    /// <summary>The family of an entry and, for one that is not read, why.</summary>
    public static (string Family, string? SkipReason) Classify(string entryName)
    {
        var name = Path.GetFileName(entryName);
        if (SessionFileFormat(entryName) is not null) return (TrainingSessionFile, null);
        foreach (var (pattern, family) in Read)
        {
            if (pattern.IsMatch(name) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return (family, null);
        }
        foreach (var (pattern, family, reason) in Skipped)
        {
            if (pattern.IsMatch(name)) return (family, reason);
        }
        return ("unknown", "not a file of a Polar Flow export that PolarFlow knows");
    }

    /// <summary>The format of a session's own file (tcx, gpx, fit, csv), or null when the entry is not one.</summary>
    public static string? SessionFileFormat(string entryName)
    {
        var name = Path.GetFileName(entryName);
        var format = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        return Session().IsMatch(name) && Data.Files.ExerciseFileFormats.All.Contains(format) ? format : null;
    }

    /// <summary>The entry's path without its extension: a session's JSON and its files share it.</summary>
    public static string Stem(string entryName) => entryName[..^Path.GetExtension(entryName).Length];

    public static bool IsRead(string family) => Read.Any(r => r.Family == family);

    [GeneratedRegex(@"^training-session[_-]")]
    private static partial Regex Session();

    [GeneratedRegex(@"^ppi_samples_")]
    private static partial Regex Ppi();
}
