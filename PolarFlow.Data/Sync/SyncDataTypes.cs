namespace PolarFlow.Data.Sync;

/// <summary>The sync's data types: cursor keys, job targets, and what each Polar webhook event touches.</summary>
public static class SyncDataTypes
{
    public const string Sleep = "sleep";
    public const string NightlyRecharge = "nightly-recharge";
    public const string Activity = "activity";
    public const string Exercises = "exercises";
    public const string ContinuousHeartRate = "continuous-heart-rate";
    public const string CardioLoad = "cardio-load";
    public const string SleepWise = "sleepwise";
    /// <summary>Body and skin temperature and skin contacts: measured each night.</summary>
    public const string Biosensing = "biosensing";
    /// <summary>ECG and SpO2 tests, which a person starts by hand.</summary>
    public const string BiosensingTests = "biosensing-tests";
    public const string PhysicalInfo = "physical-info";

    public static readonly IReadOnlyList<string> All =
    [
        Sleep, NightlyRecharge, Activity, Exercises, ContinuousHeartRate, CardioLoad, SleepWise, Biosensing, BiosensingTests,
        PhysicalInfo,
    ];

    /// <summary>The Polar webhook events the sync acts on (<see cref="ForWebhookEvent"/> maps each; PING is not one).</summary>
    public static readonly IReadOnlyList<string> WebhookEvents =
    [
        "EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "SLEEP_WISE_CIRCADIAN_BEDTIME", "SLEEP_WISE_ALERTNESS",
        "ACTIVITY_SUMMARY", "PHYSICAL_INFORMATION",
    ];

    /// <summary>
    /// The types whose changes the subscribed events announce, so polling them is only a safety net: each event's own
    /// types (a SLEEP event brings the night's recharge and biosensing too). Not cardio load, which moves every day
    /// with or without an exercise, nor the biosensing tests, which no event announces.
    /// </summary>
    public static IReadOnlySet<string> CoveredBy(IEnumerable<string> events) => events
        .SelectMany(e => e switch
        {
            "SLEEP" => [Sleep, NightlyRecharge, Biosensing],
            "EXERCISE" => [Exercises],
            "ACTIVITY_SUMMARY" => [Activity],
            "CONTINUOUS_HEART_RATE" => [ContinuousHeartRate],
            "SLEEP_WISE_ALERTNESS" or "SLEEP_WISE_CIRCADIAN_BEDTIME" => [SleepWise],
            "PHYSICAL_INFORMATION" => [PhysicalInfo],
            _ => Array.Empty<string>(),
        })
        .ToHashSet();

    /// <summary>What a webhook event means for the sync; there is no recharge event, so a SLEEP event fetches it.</summary>
    public static IReadOnlyList<string>? ForWebhookEvent(string polarEvent) => polarEvent switch
    {
        "SLEEP" => [Sleep, NightlyRecharge, SleepWise, Biosensing],
        "EXERCISE" => [Exercises, CardioLoad],
        "ACTIVITY_SUMMARY" => [Activity],
        "CONTINUOUS_HEART_RATE" => [ContinuousHeartRate],
        "SLEEP_WISE_ALERTNESS" or "SLEEP_WISE_CIRCADIAN_BEDTIME" => [SleepWise],
        "PHYSICAL_INFORMATION" => [PhysicalInfo],
        _ => null,
    };
}
