using PolarFlow.Data.Entities;
using PolarFlow.Data.Sync;
using PolarFlow.SyncWorker.Steps;

namespace PolarFlow.Tests.SyncWorker;

/// <summary>
/// When a scheduled sync reads a type, on a fixed clock. The cases are worked out by hand from the rules in
/// <see cref="Cadence"/>: a cursor last read at <c>Last</c>, a scheduled sync at <c>Now</c>, a user at UTC+02:00.
/// </summary>
public sealed class CadenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 5, 30, 0, TimeSpan.Zero); // 07:30 for the user
    private static readonly DateOnly LocalToday = new(2026, 6, 10);

    private static ScheduleClock Clock(double baseHours = 1, params string[] covered) =>
        new(Now, TimeSpan.FromHours(2), TimeSpan.FromHours(baseHours), covered.ToHashSet(), TimeSpan.FromDays(7));

    private static SyncCursor Read(TimeSpan ago, DateOnly? newest = null, string? error = null) => new()
    {
        UserId = "u", DataType = "t", LastSuccessAt = Now - ago, BackfillCompletedAt = Now - TimeSpan.FromDays(30),
        NewestDate = newest, LastError = error,
    };

    [Fact]
    public void ATypeNeverReadOrWhoseLastReadFailedIsAlwaysDue()
    {
        var daily = new Cadence.Every(TimeSpan.FromDays(1));
        Assert.True(daily.IsDue("t", null, Clock()));
        Assert.True(daily.IsDue("t", Read(TimeSpan.FromMinutes(5), error: "500"), Clock()));
        Assert.False(daily.IsDue("t", Read(TimeSpan.FromMinutes(5)), Clock()));
    }

    [Theory]
    [InlineData(0, 0.9, true)]     // every run: at each hourly sync (54 min + 10 min of slack)
    [InlineData(0, 0.5, false)]    // but not twice an hour
    [InlineData(3, 2.0, false)]    // every 3 h, read 2 h ago
    [InlineData(3, 2.9, true)]     // 2 h 54 min ago: within the 10 minutes of scheduler slack
    [InlineData(24, 23.0, false)]
    [InlineData(24, 23.9, true)]
    public void AnIntervalIsDueOnceItHasPassedLessTheSchedulersSlack(double everyHours, double agoHours, bool due) =>
        Assert.Equal(due, new Cadence.Every(TimeSpan.FromHours(everyHours))
            .IsDue("t", Read(TimeSpan.FromHours(agoHours)), Clock()));

    [Fact]
    public void NoCadenceIsShorterThanTheSyncInterval()
    {
        // With SYNC_INTERVAL_HOURS=24, an every-run type read 5 h ago waits for the day to pass.
        Assert.False(Cadence.EveryRun.IsDue("t", Read(TimeSpan.FromHours(5)), Clock(baseHours: 24)));
        Assert.True(Cadence.EveryRun.IsDue("t", Read(TimeSpan.FromHours(24)), Clock(baseHours: 24)));
    }

    [Fact]
    public void ANightIsLookedForEachMorningHourUntilTodaysIsHeldThenDaily()
    {
        var night = new Cadence.AfterTheNight();
        // 07:30 local, last night (woken from today) not held yet, read an hour ago: look again.
        Assert.True(night.IsDue("t", Read(TimeSpan.FromHours(1), newest: LocalToday.AddDays(-1)), Clock()));
        // Held: not before a day has passed (late edits).
        Assert.False(night.IsDue("t", Read(TimeSpan.FromHours(1), newest: LocalToday), Clock()));
        Assert.True(night.IsDue("t", Read(TimeSpan.FromHours(24), newest: LocalToday), Clock()));
        // Not held, but read 20 minutes ago: the next hour's sync looks.
        Assert.False(night.IsDue("t", Read(TimeSpan.FromMinutes(20), newest: LocalToday.AddDays(-1)), Clock()));
        // Outside the morning (20:30 local) a missing night waits for the daily read.
        var evening = Clock() with { Now = Now.AddHours(13) };
        Assert.False(night.IsDue("t", Read(TimeSpan.FromHours(2), newest: LocalToday.AddDays(-1)), evening));
    }

    [Fact]
    public void ATypeTheWebhookAnnouncesIsPolledOnlyAsAWeeklySafetyNet()
    {
        var covered = Clock(24, SyncDataTypes.Sleep);
        var night = new Cadence.AfterTheNight();
        Assert.False(night.IsDue(SyncDataTypes.Sleep, Read(TimeSpan.FromDays(3), newest: LocalToday.AddDays(-3)), covered));
        Assert.True(night.IsDue(SyncDataTypes.Sleep, Read(TimeSpan.FromDays(7)), covered));
        // Cardio load moves daily with or without an exercise: an EXERCISE subscription does not cover it.
        Assert.DoesNotContain(SyncDataTypes.CardioLoad, SyncDataTypes.CoveredBy(["EXERCISE", "SLEEP"]));
        Assert.Equal([SyncDataTypes.Biosensing, SyncDataTypes.NightlyRecharge, SyncDataTypes.Sleep],
            SyncDataTypes.CoveredBy(["SLEEP"]).Order());
        // No event announces an ECG or SpO2 test: whatever the subscription, they stay on their own cadence.
        Assert.DoesNotContain(SyncDataTypes.BiosensingTests, SyncDataTypes.CoveredBy(SyncDataTypes.WebhookEvents));
        Assert.DoesNotContain(SyncDataTypes.BiosensingTests,
            SyncDataTypes.WebhookEvents.SelectMany(e => SyncDataTypes.ForWebhookEvent(e)!));
    }
}
