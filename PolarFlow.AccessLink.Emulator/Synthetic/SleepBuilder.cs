namespace PolarFlow.AccessLink.Emulator.Synthetic;

internal static class SleepBuilder
{
    /// <summary>Minutes after local midnight of the day before <paramref name="wakeDate"/> when the athlete falls asleep.</summary>
    public static int BedtimeMinute(SyntheticAthlete athlete, DateOnly wakeDate) => 23 * 60 - 20 + athlete.Rng(wakeDate, 1).Next(0, 61);

    public static SyntheticSleep Night(SyntheticAthlete athlete, DateOnly wakeDate, bool ill, SyntheticDay? previous)
    {
        var rng = athlete.Rng(wakeDate, 2);
        var start = new DateTimeOffset(wakeDate.AddDays(-1).ToDateTime(TimeOnly.MinValue), athlete.UtcOffset).AddMinutes(BedtimeMinute(athlete, wakeDate));
        var total = 400 + rng.Next(0, 110) + (ill ? 40 : 0) - (wakeDate.DayOfWeek is DayOfWeek.Monday ? 25 : 0);

        var segments = new List<HypnogramSegment>();
        var minute = 0;
        for (var cycle = 0; minute < total; cycle++)
        {
            void Add(int stage, int minutes)
            {
                if (minute >= total || minutes <= 0) return;
                segments.Add(new HypnogramSegment(minute, stage));
                minute += minutes;
            }
            Add(2, 4 + rng.Next(0, 6));
            Add(3, 12 + rng.Next(0, 12));
            Add(4, Math.Max(4, 32 - 8 * cycle + rng.Next(0, 8)));
            Add(3, 8 + rng.Next(0, 8));
            Add(1, 10 + 5 * cycle + rng.Next(0, 8));
            if (rng.NextDouble() < (ill ? 0.5 : 0.2)) Add(0, 2 + rng.Next(0, ill ? 12 : 5));
            if (rng.NextDouble() < 0.05) Add(5, 2);
        }
        // Merge neighbours with the same stage so every key is a real stage change.
        segments = segments.Where((s, i) => i == 0 || segments[i - 1].Stage != s.Stage).ToList();
        var end = start.AddMinutes(total);

        var restingHr = SyntheticAthlete.RestingHr + (ill ? 7 : 0);
        var heartRate = Enumerable.Range(0, total / 5).Select(i => (Minute: 2 + i * 5, Bpm: restingHr + 2 + rng.Next(-3, 5) + (i < 12 ? 6 - i / 2 : 0))).ToList();

        var wakeMinutes = segments.Select((s, i) => (s.Stage, Minutes: (i + 1 < segments.Count ? segments[i + 1].StartMinute : total) - s.StartMinute))
            .Where(x => x.Stage == 0).Sum(x => x.Minutes);
        var continuity = Math.Round(Math.Clamp(4.6 - wakeMinutes / 12.0 + rng.NextDouble() * 0.3, 1.0, 5.0), 1);
        var score = (int)Math.Clamp(45 + (total - 360) / 4.0 + continuity * 6 - (ill ? 8 : 0), 30, 98);
        var sleepCharge = score switch { >= 85 => 5, >= 75 => 4, >= 65 => 3, >= 55 => 2, _ => 1 };
        return new SyntheticSleep(wakeDate, start, end, segments, heartRate, score, sleepCharge, continuity,
            ContinuityClass: (int)Math.Clamp(Math.Round(continuity), 1, 5), Cycles: Math.Max(3, total / 90), Rating: rng.Next(0, 6), GoalSeconds: 28800);
    }

    public static SyntheticAlertness Alertness(SyntheticAthlete athlete, SyntheticSleep sleep)
    {
        var grade = Math.Round(Math.Clamp(sleep.Score / 10.0 + 0.4, 0, 10), 1);
        var hours = Enumerable.Range(0, 16)
            .Select(h => (sleep.End.ToUniversalTime().AddHours(h), h switch { < 1 => "ALERTNESS_LEVEL_LOW", < 9 => "ALERTNESS_LEVEL_HIGH", < 13 => "ALERTNESS_LEVEL_VERY_HIGH", _ => "ALERTNESS_LEVEL_LOW" }))
            .ToList();
        return new SyntheticAlertness(sleep.Start.ToUniversalTime(), sleep.End.ToUniversalTime().AddHours(16), grade,
            grade switch { >= 9 => "GRADE_CLASSIFICATION_EXCELLENT", >= 7.5 => "GRADE_CLASSIFICATION_STRONG", >= 6 => "GRADE_CLASSIFICATION_FAIR", _ => "GRADE_CLASSIFICATION_WEAK" },
            sleep.Score >= 70 ? "SLEEP_INERTIA_MILD" : "SLEEP_INERTIA_MODERATE", sleep.Start.ToUniversalTime(), sleep.End.ToUniversalTime(),
            athlete.UtcOffsetMinutes, hours);
    }

    /// <summary>The circadian bedtime for the night that starts on <paramref name="date"/>.</summary>
    public static SyntheticBedtime Bedtime(SyntheticAthlete athlete, DateOnly date)
    {
        var start = new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 0)), athlete.UtcOffset).AddMinutes(athlete.Rng(date, 3).Next(-10, 11));
        return new SyntheticBedtime(start.ToUniversalTime(), start.AddHours(8).ToUniversalTime(), "CIRCADIAN_BEDTIME_QUALITY_CLEARLY_RECOGNIZABLE", athlete.UtcOffsetMinutes);
    }
}
