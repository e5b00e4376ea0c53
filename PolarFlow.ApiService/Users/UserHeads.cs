using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Database;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Users;

/// <summary>What a cached answer's key needs of the user: the data version and their latest night's offset.</summary>
public sealed record UserHead(long DataVersion, int? Offset);

/// <summary>
/// A user's head, from this replica's memory while PostgreSQL's notifications are heard (<see cref="NotifiedCache{T}"/>),
/// else from the database; null for a user who does not exist.
/// </summary>
public sealed class UserHeads(PolarFlowDbContext db, NotifiedCache<UserHead> heads)
{
    public ValueTask<UserHead?> GetAsync(string userId, CancellationToken ct) => heads.GetAsync(userId, () =>
    {
        var offsets = db.LatestOffsetMinutes(userId);
        return db.Users.AsNoTracking().Where(u => u.UserId == userId)
            .Select(u => new UserHead(u.DataVersion, offsets.FirstOrDefault())).SingleOrDefaultAsync(ct);
    });
}
