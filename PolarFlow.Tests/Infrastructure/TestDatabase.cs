using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;

namespace PolarFlow.Tests.Infrastructure;

/// <summary>A fresh, migrated database for one test class, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public TestServers Servers { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        ConnectionString = await Servers.CreateDatabaseAsync();
    }

    public Task DisposeAsync() => Servers.DropDatabaseAsync(ConnectionString);

    public PolarFlowDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<PolarFlowDbContext>().UseNpgsql(ConnectionString);
        PolarFlowDbContext.ConfigureOptions(options);
        return new PolarFlowDbContext(options.Options);
    }
}
