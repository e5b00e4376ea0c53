namespace PolarFlow.AccessLink.Emulator.Synthetic;

/// <summary>Four-week blocks (three building weeks, one recovery week) of runs, rides and strength sessions.</summary>
internal static class TrainingPlan
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private sealed record Session(string Sport, int Minutes, double Intensity, int StartHour);

    public static IReadOnlyList<SyntheticExercise> Exercises(SyntheticAthlete athlete, DateOnly date, bool ill)
    {
        if (ill || date == athlete.IllnessStart.AddDays(SyntheticAthlete.IllnessNights))
        {
            return []; // no training while ill, nor on the first day back
        }

        var week = (date.DayNumber - athlete.FirstDay.DayNumber) / 7;
        var recovery = week % 4 == 3;
        var build = 1.0 + 0.08 * (week % 4);
        Session? session = date.DayOfWeek switch
        {
            DayOfWeek.Tuesday => new("RUNNING", 50, 0.78, 18),
            DayOfWeek.Wednesday => recovery ? null : new("CYCLING", 70, 0.65, 18),
            DayOfWeek.Thursday => new("RUNNING", 40, 0.62, 7),
            DayOfWeek.Friday => recovery ? null : new("STRENGTH_TRAINING", 45, 0.55, 17),
            DayOfWeek.Saturday => new("RUNNING", 95, 0.68, 9),
            DayOfWeek.Sunday => recovery ? null : new("CYCLING", 120, 0.62, 10),
            _ => null,
        };
        if (session is null)
        {
            return [];
        }

        var rng = athlete.Rng(date, 10);
        var minutes = (int)(session.Minutes * (recovery ? 0.6 : build)) + rng.Next(-5, 6);
        return [Build(athlete, date, session with { Minutes = minutes }, rng)];
    }

    private static SyntheticExercise Build(SyntheticAthlete athlete, DateOnly date, Session session, Random rng)
    {
        const int rate = 5;
        var seconds = session.Minutes * 60 + rng.Next(0, 60);
        var count = seconds / rate;
        var targetHr = SyntheticAthlete.RestingHr + session.Intensity * (SyntheticAthlete.MaxHr - SyntheticAthlete.RestingHr);
        var hr = new int[count];
        for (var i = 0; i < count; i++)
        {
            var warmup = Math.Min(1.0, i * rate / 600.0);
            hr[i] = (int)Math.Round(95 + (targetHr - 95) * warmup + 6 * Math.Sin(i / 40.0) + rng.Next(-3, 4));
        }

        var outdoor = session.Sport is "RUNNING" or "CYCLING";
        var baseSpeed = session.Sport == "RUNNING" ? 11.0 : 28.0;
        var speed = outdoor ? hr.Select((h, i) => Math.Round(baseSpeed * (0.85 + 0.3 * (h - 95) / (targetHr - 90 + 1e-9)) * Math.Min(1, i / 10.0 + 0.3), 1)).ToArray() : null;
        var altitude = outdoor ? Enumerable.Range(0, count).Select(i => Math.Round(25 + 12 * Math.Sin(i / 60.0), 1)).ToArray() : null;
        var distance = speed?.Sum(v => v / 3.6 * rate);
        var route = outdoor ? Route(speed!, rate, rng) : null;

        var hrr = (hr.Average() - SyntheticAthlete.RestingHr) / (SyntheticAthlete.MaxHr - SyntheticAthlete.RestingHr);
        var trimp = seconds / 60.0 * hrr * 0.64 * Math.Exp(1.92 * hrr); // Banister TRIMP: Polar's cardio load is TRIMP-based
        var localStart = date.ToDateTime(new TimeOnly(session.StartHour, rng.Next(0, 45), rng.Next(0, 60)));
        var upload = new DateTimeOffset(localStart, athlete.UtcOffset).AddSeconds(seconds).AddMinutes(8 + rng.Next(0, 30)).ToUniversalTime();

        int[] lower = [95, 114, 133, 152, 171];
        var zones = lower.Select((l, z) => (Index: z + 1, Lower: l, Upper: z < 4 ? lower[z + 1] : SyntheticAthlete.MaxHr,
            Seconds: hr.Count(h => h >= l && (z == 4 || h < lower[z + 1])) * rate)).ToList();

        return new SyntheticExercise(Id(rng), date, session.Sport, localStart, athlete.UtcOffsetMinutes, TimeSpan.FromSeconds(seconds),
            (int)Math.Round(hr.Average()), hr.Max(), (int)(seconds / 60.0 * (4 + 8 * session.Intensity)), distance is null ? null : Math.Round(distance.Value, 1),
            Math.Round(trimp), Math.Round(trimp, 1), upload, rate, hr, speed, altitude, route, zones);
    }

    private static List<RoutePoint> Route(double[] speed, int rate, Random rng)
    {
        var points = new List<RoutePoint>();
        double lat = 60.1699 + rng.NextDouble() * 0.01, lon = 24.9384 + rng.NextDouble() * 0.01, heading = rng.NextDouble() * Math.PI * 2;
        for (var i = 0; i < speed.Length; i += 2)
        {
            var meters = speed[i] / 3.6 * rate * 2;
            heading += 0.03;
            lat += meters * Math.Cos(heading) / 111_320;
            lon += meters * Math.Sin(heading) / (111_320 * Math.Cos(lat * Math.PI / 180));
            points.Add(new RoutePoint(Math.Round(lat, 8), Math.Round(lon, 8), i * rate + 0.026, 8 + rng.Next(0, 5)));
        }
        return points;
    }

    private static string Id(Random rng) => new(Enumerable.Range(0, 8).Select(_ => Alphabet[rng.Next(Alphabet.Length)]).ToArray());
}
