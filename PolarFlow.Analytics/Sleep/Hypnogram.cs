namespace PolarFlow.Analytics.Sleep;

/// <summary>
/// Polar's hypnogram is a set of change points, `{"HH:MM": stage}` on the local clock: each stage holds until the
/// next point, the last until the sleep ends. Codes: 0 wake, 1 REM, 2 lighter non-REM, 3 light non-REM, 4 deep
/// non-REM, 5 unknown. Unknown counts as asleep: it only occurs inside the sleep period Polar detected.
/// </summary>
public static class Hypnogram
{
    /// <summary>The asleep intervals on the local clock, from the local start and end and the change points (in any order).</summary>
    public static IReadOnlyList<(DateTime From, DateTime To)> AsleepIntervals(DateTime startLocal, DateTime endLocal, IEnumerable<(TimeOnly At, int Stage)> points)
    {
        // Keys carry no date and jsonb does not keep their order: a clock time before the start is after midnight.
        var changes = points
            .Select(p => (At: startLocal.Date + p.At.ToTimeSpan(), p.Stage))
            .Select(p => (At: p.At < startLocal.AddMinutes(-1) ? p.At.AddDays(1) : p.At, p.Stage))
            .Select(p => (At: p.At < startLocal ? startLocal : p.At, p.Stage))
            .OrderBy(p => p.At).ToList();

        var asleep = new List<(DateTime From, DateTime To)>();
        for (var i = 0; i < changes.Count; i++)
        {
            var to = i + 1 < changes.Count ? changes[i + 1].At : endLocal;
            if (changes[i].Stage == 0 || to <= changes[i].At) continue;
            if (asleep.Count > 0 && asleep[^1].To == changes[i].At) asleep[^1] = (asleep[^1].From, to);
            else asleep.Add((changes[i].At, to));
        }
        return asleep;
    }
}
