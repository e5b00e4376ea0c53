namespace PolarFlow.AccessLink.Emulator.Synthetic;

/// <summary>How load, sleep and illness show in the night's HRV and heart rate, and the day's cardio load.</summary>
internal static class RecoveryModel
{
    public static SyntheticRecharge Recharge(SyntheticAthlete athlete, DateOnly date, bool ill, SyntheticSleep sleep, IReadOnlyList<SyntheticDay> before)
    {
        var rng = athlete.Rng(date, 20);
        // Load relative to a typical two days, so an ordinary week keeps the athlete near their own baseline.
        var recentLoad = before.TakeLast(2).Sum(d => d.CardioLoad.Load) - 90;
        var sleepShortfall = Math.Max(0, 450 - sleep.TotalMinutes) / 60.0;
        var lnRmssd = athlete.BaseLnRmssd - 0.0012 * recentLoad - 0.05 * sleepShortfall - (ill ? 0.5 : 0) + (rng.NextDouble() - 0.5) * 0.12;
        var hrv = (int)Math.Round(Math.Exp(lnRmssd));
        var restingHr = (int)Math.Round(SyntheticAthlete.RestingHr + 0.01 * recentLoad + (ill ? 7 : 0) + rng.Next(-1, 2));
        var breathing = Math.Round(14.0 + (ill ? 1.6 : 0) + (rng.NextDouble() - 0.5) * 0.6, 1);
        var ans = Math.Round(Math.Clamp((lnRmssd - athlete.BaseLnRmssd) * 12 - (restingHr - SyntheticAthlete.RestingHr) * 0.4, -10, 10), 1);
        var ansStatus = ans switch { < -6 => 1, < -2 => 2, < 2 => 3, < 6 => 4, _ => 5 };
        var rechargeStatus = Math.Clamp((ansStatus + sleep.SleepCharge + 1) / 2 + (ill ? -1 : 0), 1, 6);
        var hrvSamples = Enumerable.Range(0, 48).Select(i => (Minute: 2 + i * 5, Hrv: Math.Max(5, hrv + rng.Next(-6, 7)))).ToList();
        var breathingSamples = Enumerable.Range(0, 48).Select(i => (Minute: i * 5, Rate: Math.Round(breathing + (rng.NextDouble() - 0.5) * 0.8, 1))).ToList();
        return new SyntheticRecharge(date, restingHr, (int)Math.Round(60000.0 / restingHr), hrv, breathing, ans, ansStatus, rechargeStatus, hrvSamples, breathingSamples);
    }

    /// <summary>The day's load is the sum of its sessions' cardio loads; strain and tolerance are 7- and 28-day means.</summary>
    public static SyntheticCardioLoad CardioLoad(DateOnly date, IReadOnlyList<SyntheticExercise> exercises, IReadOnlyList<SyntheticDay> before)
    {
        var load = Math.Round(exercises.Sum(e => e.CardioLoad), 1);
        var loads = before.Select(d => d.CardioLoad.Load).Append(load).ToList();
        if (loads.Count < 7)
        {
            return new SyntheticCardioLoad(date, load, -1, -1, -1, "LOAD_STATUS_NOT_AVAILABLE", []);
        }

        var strain = Math.Round(loads.TakeLast(7).Average(), 1);
        var tolerance = Math.Round(loads.TakeLast(28).Average(), 1);
        var ratio = tolerance > 0 ? Math.Round(strain / tolerance, 2) : -1;
        var status = ratio switch { < 0 => "LOAD_STATUS_NOT_AVAILABLE", < 0.8 => "DETRAINING", < 1.0 => "MAINTAINING", < 1.25 => "PRODUCTIVE", < 1.5 => "PRODUCTIVE_ALMOST_OVERREACHING", _ => "OVERREACHING" };
        var sessionMean = Math.Max(1, loads.TakeLast(90).Where(l => l > 0).DefaultIfEmpty(1).Average());
        return new SyntheticCardioLoad(date, load, strain, tolerance, ratio, status,
            [Math.Round(sessionMean * 0.25, 1), Math.Round(sessionMean * 0.5, 1), Math.Round(sessionMean, 1), Math.Round(sessionMean * 1.5, 1), Math.Round(sessionMean * 2, 1)]);
    }

    public static SyntheticBiosensing Biosensing(SyntheticAthlete athlete, DateOnly date, bool ill, SyntheticSleep sleep, IReadOnlyList<SyntheticDay> before)
    {
        var rng = athlete.Rng(date, 30);
        var skin = Math.Round(33.8 + (ill ? 0.7 : 0) + (rng.NextDouble() - 0.5) * 0.3, 2);
        var baseline = before.TakeLast(28).Select(d => d.Biosensing.SkinTemperature).DefaultIfEmpty(skin).Average();
        var body = Enumerable.Range(0, 12).Select(_ => Math.Round(36.4 + (ill ? 0.6 : 0) + (rng.NextDouble() - 0.5) * 0.2, 2)).ToArray();
        var index = date.DayNumber - athlete.FirstDay.DayNumber;
        var morning = sleep.End.AddMinutes(20).ToUnixTimeSeconds();
        return new SyntheticBiosensing(date, skin, Math.Round(skin - baseline, 2), sleep.Start, body,
            index % 7 == 2 ? morning : null, 52 + rng.Next(0, 8), Math.Round(Math.Exp(athlete.BaseLnRmssd) + rng.Next(-5, 6), 1),
            index % 7 == 5 ? morning + 300 : null, ill ? 94 : 96 + rng.Next(0, 3));
    }
}
