using PolarFlow.Data.Entities;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// What a scheduled sync needs to decide what is due: now, the user's UTC offset, `SYNC_INTERVAL_HOURS`, the types
/// this deployment's Polar webhook announces, and how often those are still polled as a safety net.
/// </summary>
public sealed record ScheduleClock(DateTimeOffset Now, TimeSpan UserOffset, TimeSpan BaseInterval,
    IReadOnlySet<string> Covered, TimeSpan SafetyNet);

/// <summary>
/// How often a scheduled sync reads a data type: as often as it changes, so an hourly sync does not spend Polar's
/// quota re-reading what cannot have changed. Jobs that name their types (manual, webhook, a retry) read them
/// whatever the cadence; a type never read, or whose last read failed, is always due. No cadence is shorter than
/// `SYNC_INTERVAL_HOURS`. A type the webhook announces is read when its event comes, and polled only as a safety
/// net (<see cref="ScheduleClock.SafetyNet"/>, a week), so a lost delivery is caught well inside Polar's 28 days.
/// </summary>
public abstract record Cadence
{
    /// <summary>The scheduler's own jitter: a sync that ran at 10:00:05 is due again at 11:00:03.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMinutes(10);

    public static readonly Cadence EveryRun = new Every(TimeSpan.Zero);

    public bool IsDue(string dataType, SyncCursor? cursor, ScheduleClock clock)
    {
        if (cursor is not { LastSuccessAt: { } last, BackfillCompletedAt: not null, LastError: null }) return true;
        var since = clock.Now - last + Slack;
        return clock.Covered.Contains(dataType) ? since >= AtLeast(clock.SafetyNet, clock) : Due(since, cursor, clock);
    }

    /// <summary>How a person would say it, for the job's step results.</summary>
    public abstract string Describe();

    protected abstract bool Due(TimeSpan since, SyncCursor cursor, ScheduleClock clock);

    private static TimeSpan AtLeast(TimeSpan interval, ScheduleClock clock) =>
        interval > clock.BaseInterval ? interval : clock.BaseInterval;

    /// <summary>Read when the last read is this old (zero: at every scheduled sync).</summary>
    public sealed record Every(TimeSpan Interval) : Cadence
    {
        public override string Describe() => Interval == TimeSpan.Zero ? "read at every scheduled sync"
            : $"read every {Interval.TotalHours:0.#} h";

        protected override bool Due(TimeSpan since, SyncCursor cursor, ScheduleClock clock) =>
            since >= AtLeast(Interval, clock);
    }

    /// <summary>
    /// A night's data: looked for at each scheduled sync of the user's morning (04:00 to 14:00 in their time zone, from
    /// their latest night) until the night they woke from today is held; otherwise once a day, for late edits.
    /// </summary>
    public sealed record AfterTheNight : Cadence
    {
        public static readonly TimeSpan Daily = TimeSpan.FromDays(1);

        public override string Describe() => "read each morning until the night is held, else daily";

        protected override bool Due(TimeSpan since, SyncCursor cursor, ScheduleClock clock)
        {
            if (since >= AtLeast(Daily, clock)) return true;
            var local = clock.Now.ToOffset(clock.UserOffset);
            var morning = local.Hour is >= 4 and < 14;
            var held = cursor.NewestDate is { } newest && newest >= DateOnly.FromDateTime(local.DateTime);
            return morning && !held && since >= AtLeast(TimeSpan.FromHours(1), clock);
        }
    }
}
