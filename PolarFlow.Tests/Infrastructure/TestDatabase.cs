using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>A fresh, migrated database for one test class, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private bool _owned = true;

    public string ConnectionString { get; private set; } = "";

    public TestServers Servers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        ConnectionString = await Servers.CreateDatabaseAsync();
    }

    /// <summary>A database on a server of the test's own (a <see cref="FaultyServer"/>), migrated here; the server owns it.</summary>
    public static async Task<TestDatabase> OnServerAsync(string connectionString)
    {
        var database = new TestDatabase { Servers = await TestServers.GetAsync(), ConnectionString = connectionString, _owned = false };
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        return database;
    }

    public Task DisposeAsync() => _owned ? Servers.DropDatabaseAsync(ConnectionString) : Task.CompletedTask;

    public PolarFlowDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<PolarFlowDbContext>().UseNpgsql(ConnectionString);
        PolarFlowDbContext.ConfigureOptions(options);
        return new PolarFlowDbContext(options.Options);
    }
}
