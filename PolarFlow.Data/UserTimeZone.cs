namespace PolarFlow.Data;

/// <summary>A user's time zone as PolarFlow knows it: the UTC offset Polar gave their latest night's wake-up.</summary>
public static class UserTimeZone
{
    /// <summary>The offsets in minutes, latest night first (take the first; none or null: UTC).</summary>
    public static IQueryable<int?> LatestOffsetMinutes(this PolarFlowDbContext db, string userId) =>
        db.Sleep.Where(s => s.UserId == userId).OrderByDescending(s => s.Date).Select(s => s.SleepEndOffsetMinutes);
}
