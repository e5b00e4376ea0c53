using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Data;

/// <summary>
/// Under the app's retrying strategy EF reads a query's whole result before handing over the first row (so that a
/// retry sees the same rows); inside <see cref="PolarFlowExecutionStrategy.Streaming"/> it reads row by row, which is
/// what keeps a five-year CSV or archive out of the server's memory. Seen from the connection: at the first row of a
/// streamed query its reader is still fetching; at the first row of a buffered one it is done.
/// </summary>
public sealed class StreamingReadTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task ALongReadStreamsInsideTheScopeAndIsBufferedOutsideIt()
    {
        using var host = DataHost.Build(new Dictionary<string, string?> 
            { ["ConnectionStrings:polarflow"] = database.ConnectionString });
        using var scope = host.Services.CreateScope();
        var db = scope.DbContext();
        Assert.IsType<PolarFlowExecutionStrategy>(db.Database.CreateExecutionStrategy());
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);

        var userId = "stream-" + Guid.NewGuid().ToString("N")[..10];
        db.Users.Add(new PolarUser { UserId = userId });
        await db.SaveChangesAsync();
        var days = Enumerable.Range(0, 50)
            .Select(i => new DailyActivity { UserId = userId, Date = new DateOnly(2026, 1, 1).AddDays(i), Raw = "{}" });
        await db.UpsertAsync(days.ToList());

        Assert.False(await FetchingAtFirstRowAsync(db, userId), "outside the scope the result was not buffered");
        using (PolarFlowExecutionStrategy.Streaming(db))
        {
            Assert.True(await FetchingAtFirstRowAsync(db, userId), "inside the scope the result was buffered");
        }
        Assert.False(await FetchingAtFirstRowAsync(db, userId), "the scope outlived its end");
    }

    private static async Task<bool> FetchingAtFirstRowAsync(PolarFlowDbContext db, string userId)
    {
        var query = db.DailyActivity.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.Date);
        await foreach (var _ in query.AsAsyncEnumerable())
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            return connection.FullState.HasFlag(System.Data.ConnectionState.Fetching);
        }
        throw new InvalidOperationException("no rows");
    }
}
