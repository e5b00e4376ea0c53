using Microsoft.EntityFrameworkCore;

namespace PolarFlow.Data;

/// <summary>
/// One training session seen by AccessLink and by an export is one exercise: the ids differ (Polar's hashed id,
/// the export's own), so sessions are matched on their UTC start within <see cref="StartTolerance"/> and a duration
/// within 2% (at least 60 s). Exercises an import created carry ids that start with <see cref="ExportIdPrefix"/>.
/// </summary>
public static class ExerciseMatch
{
    public const string ExportIdPrefix = "export-";
    public static readonly TimeSpan StartTolerance = TimeSpan.FromMinutes(2);

    /// <summary>The stored exercises that are this session: AccessLink's first, then the nearest start.</summary>
    public static async Task<IReadOnlyList<string>> SameSessionAsync(this PolarFlowDbContext db, string userId, DateTime localStart, int offsetMinutes,
        TimeSpan? duration, CancellationToken ct)
    {
        var utc = localStart.AddMinutes(-offsetMinutes);
        var candidates = await db.Exercises.AsNoTracking()
            .Where(e => e.UserId == userId && e.StartTime >= localStart.AddDays(-1) && e.StartTime <= localStart.AddDays(1))
            .Select(e => new { e.ExerciseId, e.StartTime, e.StartTimeUtcOffsetMinutes, e.Duration }).ToListAsync(ct);
        return candidates
            .Select(c => (c.ExerciseId, Gap: (c.StartTime!.Value.AddMinutes(-(c.StartTimeUtcOffsetMinutes ?? 0)) - utc).Duration(), c.Duration))
            .Where(c => c.Gap <= StartTolerance && SameDuration(c.Duration, duration))
            .OrderBy(c => c.ExerciseId.StartsWith(ExportIdPrefix, StringComparison.Ordinal)).ThenBy(c => c.Gap)
            .Select(c => c.ExerciseId).ToList();
    }

    private static bool SameDuration(TimeSpan? a, TimeSpan? b) =>
        a is null || b is null || (a.Value - b.Value).Duration() <= TimeSpan.FromSeconds(Math.Max(60, 0.02 * a.Value.TotalSeconds));
}
