using Microsoft.Extensions.Options;

namespace PolarFlow.SyncWorker;

/// <summary>The brief's settings (`SYNC_INTERVAL_HOURS`, `SYNC_ON_STARTUP`, `SYNC_DAYS_LOOKBACK`) and the worker's own (`Sync:`).</summary>
public sealed class SyncOptions
{
    public double IntervalHours { get; set; } = 1;
    public bool SyncOnStartup { get; set; } = true;
    /// <summary>How far back an incremental sync looks for late edits (days).</summary>
    public int DaysLookback { get; set; } = 30;
    /// <summary>Days re-read before the newest day held, for edits Polar makes after the fact.</summary>
    public int OverlapDays { get; set; } = 3;
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan SchedulerPeriod { get; set; } = TimeSpan.FromMinutes(1);
    public int ConcurrentJobs { get; set; } = 2;
    /// <summary>Share of each rate window kept for manual and webhook jobs: scheduled work waits past it.</summary>
    public double ScheduledReserve { get; set; } = 0.2;
    /// <summary>
    /// Exercise files fill spare budget: they are fetched only while this share of each rate window is left, so a
    /// first sync with many exercises stores the data first and takes the files over the next syncs.
    /// </summary>
    public double ExerciseFileReserve { get; set; } = 0.5;
    /// <summary>The Redis hash every replica shares for Polar's rate-limit state (one per Polar client).</summary>
    public string RateBudgetKey { get; set; } = "polarflow:accesslink:rate-budget";
    /// <summary>A failed step runs again after this, doubling on each attempt (1, 2, 4, 8, 16 minutes).</summary>
    public TimeSpan StepRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often a type Polar's webhook announces is still polled, in case a delivery was lost.</summary>
    public TimeSpan WebhookSafetyNet { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Attempts of a job before its failed steps wait for the next scheduled sync.</summary>
    public int MaxAttempts { get; set; } = 6;

    public sealed class Setup(IConfiguration configuration) : IConfigureOptions<SyncOptions>
    {
        public void Configure(SyncOptions options)
        {
            configuration.GetSection("Sync").Bind(options);
            options.IntervalHours = configuration.GetValue("SYNC_INTERVAL_HOURS", options.IntervalHours);
            options.SyncOnStartup = configuration.GetValue("SYNC_ON_STARTUP", options.SyncOnStartup);
            options.DaysLookback = configuration.GetValue("SYNC_DAYS_LOOKBACK", options.DaysLookback);
        }
    }
}
