using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.Data;

/// <summary>The rules of architecture.md ("Database"), checked on the migrated schema itself.</summary>
public sealed class SchemaTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public void EverySyncedEntityHasASampleInTheUpsertTests()
    {
        using var db = database.CreateDbContext();
        var synced = db.Model.GetEntityTypes()
            .Where(t => typeof(SyncedRecord).IsAssignableFrom(t.ClrType))
            .Select(t => t.GetTableName()!)
            .Order();

        Assert.Equal(synced, SyncedRecordSamples.ByTable.Keys.Order());
    }

    [Fact]
    public async Task EverySyncedTableKeepsPolarsRawJsonAsJsonb()
    {
        var columns = await QueryAsync("""
            SELECT table_name || '.' || data_type FROM information_schema.columns
            WHERE table_schema = 'polarflow' AND column_name = 'raw' AND is_nullable = 'NO'
            """);

        foreach (var table in SyncedRecordSamples.ByTable.Keys)
        {
            Assert.Contains($"{table}.jsonb", columns);
        }
    }

    [Fact]
    public async Task EveryPerUserTablesPrimaryKeyStartsWithUserId()
    {
        // The first column of each primary key, for every table in the schema except the global ones (keys, the key ring,
        // the client's Polar webhook, and the dashboard's people and one-time links, which have at most one user and are
        // found by their own id).
        var firstKeyColumns = await QueryAsync("""
            SELECT c.relname || '.' || a.attname
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
            WHERE n.nspname = 'polarflow' AND k.contype = 'p'
              AND c.relname NOT IN ('api_keys', 'people', 'person_links', 'data_protection_keys', 'polar_webhooks', '__ef_migrations_history')
            """);

        Assert.NotEmpty(firstKeyColumns);
        Assert.All(firstKeyColumns, column => Assert.EndsWith(".user_id", column));
        Assert.Contains("sync_jobs.user_id", firstKeyColumns);
        Assert.Contains("sync_cursors.user_id", firstKeyColumns);
    }

    [Fact]
    public async Task AllTablesLiveInThePolarflowSchemaWithSnakeCaseNames()
    {
        var tables = await QueryAsync("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')");

        Assert.All(tables, t => Assert.StartsWith("polarflow.", t));
        Assert.All(tables, t => Assert.Matches("^polarflow\\.[a-z0-9_]+$", t));
        Assert.Contains("polarflow.data_protection_keys", tables);
    }

    [Fact]
    public void TheMigrationsMatchTheModel()
    {
        using var db = database.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add <Name> --project PolarFlow.Data`.");
    }

    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
