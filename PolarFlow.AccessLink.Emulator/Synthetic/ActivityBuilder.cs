namespace PolarFlow.AccessLink.Emulator.Synthetic;

/// <summary>A calendar day, minute by minute: asleep, sitting, walking or training, and what that does to steps and HR.</summary>
internal static class ActivityBuilder
{
    private enum Minute { Sleep, Rest, Walk, Run, Ride, Lift }

    public static SyntheticActivity Day(SyntheticAthlete athlete, DateOnly date, SyntheticSleep sleep, IReadOnlyList<SyntheticExercise> exercises, int nextBedtimeMinute)
    {
        var rng = athlete.Rng(date, 40);
        var kinds = Kinds(athlete, date, sleep, exercises, nextBedtimeMinute, rng);
        var steps = new int[1440];
        for (var m = 0; m < 1440; m++)
        {
            steps[m] = kinds[m] switch
            {
                Minute.Walk => 70 + rng.Next(0, 45),
                Minute.Run => 158 + rng.Next(0, 18),
                Minute.Lift => rng.Next(0, 12),
                Minute.Rest => rng.NextDouble() < 0.25 ? rng.Next(1, 25) : 0,
                _ => 0,
            };
            // Polar drops a sample that repeats the one before, so a repeated non-zero count would be lost.
            if (m > 0 && steps[m] > 0 && steps[m] == steps[m - 1]) steps[m]++;
        }

        var zones = new List<(int, string)>();
        var inactivity = new List<int>();
        var sedentaryRun = 0;
        var activeMinutes = 0;
        for (var m = 0; m < 1440; m++)
        {
            var zone = kinds[m] switch
            {
                Minute.Sleep => "SLEEP",
                Minute.Run => "VIGOROUS",
                Minute.Ride or Minute.Lift => "MODERATE",
                _ => steps[m] switch { >= 100 => "MODERATE", >= 40 => "LIGHT", _ => "SEDENTARY" },
            };
            if (zone is "LIGHT" or "MODERATE" or "VIGOROUS") activeMinutes++;
            if (zones.Count == 0 || zones[^1].Item2 != zone) zones.Add((m, zone));
            sedentaryRun = zone == "SEDENTARY" ? sedentaryRun + 1 : 0;
            if (sedentaryRun == 60)
            {
                inactivity.Add(m);
                sedentaryRun = 0;
            }
        }

        var exerciseCalories = exercises.Sum(e => e.Calories);
        var active = (int)(steps.Sum() * 0.045) + exerciseCalories;
        return new SyntheticActivity(date, steps, zones, inactivity, 1650 + active, active, activeMinutes);
    }

    public static IReadOnlyList<(int Second, int Bpm)> ContinuousHeartRate(SyntheticAthlete athlete, DateOnly date, SyntheticActivity activity,
        IReadOnlyList<SyntheticExercise> exercises, SyntheticRecharge recharge)
    {
        var rng = athlete.Rng(date, 50);
        var samples = new List<(int, int)>();
        for (var second = rng.Next(0, 60); second < 86400; second += 300 + rng.Next(-20, 21))
        {
            var minute = second / 60;
            var exercise = exercises.FirstOrDefault(e => minute >= e.LocalStart.Hour * 60 + e.LocalStart.Minute
                && minute < e.LocalStart.Hour * 60 + e.LocalStart.Minute + (int)e.Duration.TotalMinutes);
            var zone = activity.ZoneChanges.Last(z => z.Minute <= minute).Zone;
            var bpm = exercise is not null ? exercise.AverageHr + rng.Next(-6, 7)
                : zone switch { "SLEEP" => recharge.HeartRateAvg + rng.Next(-2, 4), "SEDENTARY" => 66 + rng.Next(0, 8), "LIGHT" => 85 + rng.Next(0, 10), _ => 100 + rng.Next(0, 15) };
            samples.Add((second, bpm));
        }
        return samples;
    }

    private static Minute[] Kinds(SyntheticAthlete athlete, DateOnly date, SyntheticSleep sleep, IReadOnlyList<SyntheticExercise> exercises, int nextBedtimeMinute, Random rng)
    {
        var kinds = new Minute[1440];
        var wake = (int)(sleep.End - new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), athlete.UtcOffset)).TotalMinutes;
        for (var m = 0; m < 1440; m++)
        {
            kinds[m] = m < wake || m >= nextBedtimeMinute ? Minute.Sleep : Minute.Rest;
        }

        // Walks: the commute and a few errands.
        foreach (var (start, length) in new[] { (wake + 40, 15), (8 * 60 + 30, 12), (12 * 60, 20), (17 * 60 + 15, 15), (rng.Next(13, 20) * 60, 25) })
        {
            for (var m = start; m < Math.Min(1440, start + length); m++)
            {
                if (kinds[m] == Minute.Rest) kinds[m] = Minute.Walk;
            }
        }

        foreach (var e in exercises)
        {
            var kind = e.Sport switch { "RUNNING" => Minute.Run, "CYCLING" => Minute.Ride, _ => Minute.Lift };
            var start = e.LocalStart.Hour * 60 + e.LocalStart.Minute;
            for (var m = start; m < Math.Min(1440, start + (int)e.Duration.TotalMinutes); m++) kinds[m] = kind;
        }
        return kinds;
    }
}
