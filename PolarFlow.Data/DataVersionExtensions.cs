using Microsoft.EntityFrameworkCore;

namespace PolarFlow.Data;

public static class DataVersionExtensions
{
    /// <summary>
    /// Marks the user's data as changed (cached analytics keyed by the old version are never served again). Call it
    /// inside the transaction that writes the rows, so the version and the data become visible together.
    /// </summary>
    public static Task<int> BumpDataVersionAsync(this PolarFlowDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.DataVersion, u => u.DataVersion + 1), ct);
}
