namespace PolarFlow.AccessLink.Emulator.Synthetic;

/// <summary>
/// A deterministic synthetic athlete: the same Polar user id and seed give the same life, day by day. Days are
/// generated in order because each depends on the ones before: recent training load and short sleep lower
/// HRV and raise resting HR; one illness episode does the same, harder, for <see cref="IllnessNights"/> nights.
/// </summary>
public sealed class SyntheticAthlete
{
    public const int IllnessNights = 5;
    public const int MaxHr = 190;
    public const int RestingHr = 50;

    private readonly List<SyntheticDay> _days = [];
    private readonly Lock _lock = new();
    private readonly int _seed;

    /// <param name="historyDays">How long a life the athlete had when first seen; the illness falls three quarters in.</param>
    public SyntheticAthlete(long polarUserId, int seed, DateOnly firstDay, int historyDays)
    {
        PolarUserId = polarUserId;
        _seed = unchecked(seed * 397 ^ (int)polarUserId ^ (int)(polarUserId >> 32));
        FirstDay = firstDay;
        UtcOffsetMinutes = 60 * (1 + Math.Abs(_seed % 3));
        IllnessStart = firstDay.AddDays(Math.Max(10, historyDays * 3 / 4) + Math.Abs(_seed % 7));
        BaseLnRmssd = Math.Log(48 + Math.Abs(_seed % 20));
    }

    public long PolarUserId { get; }
    public DateOnly FirstDay { get; }
    public int UtcOffsetMinutes { get; }
    public TimeSpan UtcOffset => TimeSpan.FromMinutes(UtcOffsetMinutes);
    public DateOnly IllnessStart { get; }
    public double BaseLnRmssd { get; }

    public bool IsIll(DateOnly date) => date >= IllnessStart && date < IllnessStart.AddDays(IllnessNights);

    /// <summary>Every day from <see cref="FirstDay"/> through <paramref name="last"/>.</summary>
    public IReadOnlyList<SyntheticDay> DaysThrough(DateOnly last)
    {
        lock (_lock)
        {
            while ((_days.Count == 0 ? FirstDay.AddDays(-1) : _days[^1].Date) < last)
            {
                _days.Add(Generate(_days.Count == 0 ? FirstDay : _days[^1].Date.AddDays(1)));
            }
            return _days.TakeWhile(d => d.Date <= last).ToList();
        }
    }

    public SyntheticDay? Day(DateOnly date) => date < FirstDay ? null : DaysThrough(date)[^1];

    public IReadOnlyList<PhysicalSnapshot> PhysicalInfo(DateTimeOffset now)
    {
        var created = new DateTimeOffset(FirstDay.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var first = new PhysicalSnapshot(created, created, 72.4, 178, new DateOnly(1988, 4, 12), "MALE", MaxHr, RestingHr, 145, 168, 52, TimeSpan.FromHours(8));
        var changed = created.AddDays(120);
        return changed <= now ? [first, first with { Modified = changed, Weight = 71.6, Vo2Max = 54 }] : [first];
    }

    internal Random Rng(DateOnly date, int salt) => new(unchecked(_seed * 31 + date.DayNumber * 7919 + salt * 104729));

    private SyntheticDay Generate(DateOnly date)
    {
        var ill = IsIll(date);
        var previous = _days.Count > 0 ? _days[^1] : null;

        var exercises = TrainingPlan.Exercises(this, date, ill);
        var sleep = SleepBuilder.Night(this, date, ill, previous);
        var recharge = RecoveryModel.Recharge(this, date, ill, sleep, _days);
        var activity = ActivityBuilder.Day(this, date, sleep, exercises, nextBedtimeMinute: SleepBuilder.BedtimeMinute(this, date.AddDays(1)));
        var heartRate = ActivityBuilder.ContinuousHeartRate(this, date, activity, exercises, recharge);
        var cardio = RecoveryModel.CardioLoad(date, exercises, _days);
        var alertness = _days.Count >= 5 ? SleepBuilder.Alertness(this, sleep) : null;
        var bedtime = SleepBuilder.Bedtime(this, date);
        var biosensing = RecoveryModel.Biosensing(this, date, ill, sleep, _days);
        return new SyntheticDay(date, ill, sleep, recharge, activity, exercises, heartRate, cardio, alertness, bedtime, biosensing);
    }
}
