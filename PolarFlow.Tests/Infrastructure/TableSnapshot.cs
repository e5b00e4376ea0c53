namespace PolarFlow.Tests.Infrastructure;

/// <summary>What a sync stored, comparable across databases: two syncs of one athlete that agree here stored the same rows.</summary>
public static class TableSnapshot
{
    /// <summary>
    /// The reference for a sync under faults: the same athlete's first sync without faults, into a database of its own
    /// (the truth of a year is more than Polar's windows serve, so the emulator's truth cannot be compared directly).
    /// </summary>
    public static async Task<Dictionary<string, (long Rows, string Digest)>> OfFaultFreeSyncAsync(EmulatorFactory emulator,
        EmulatorFactory.TestUser polar, string userId)
    {
        await using var reference = new TestDatabase();
        await reference.InitializeAsync();
        await using var clean = new SyncHarness(emulator, reference, Guid.NewGuid().ToString("N"));
        await clean.ConnectAsync(polar, userId);
        await clean.EnqueueAsync(userId);
        await clean.DrainAsync();
        var expected = await OfUserAsync(reference.ConnectionString, userId);
        Assert.True(expected.Values.Sum(t => t.Rows) > 300, "the reference sync stored little");
        return expected;
    }

    /// <summary>Each synced table's row count and a digest of its rows' Polar JSON, for one user.</summary>
    public static async Task<Dictionary<string, (long Rows, string Digest)>> OfUserAsync(string connectionString, string userId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("""
            SELECT table_name FROM information_schema.columns WHERE table_schema = 'polarflow' AND column_name = 'raw'
            INTERSECT SELECT table_name FROM information_schema.columns WHERE table_schema = 'polarflow' AND column_name = 'user_id'
            ORDER BY 1
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var snapshot = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(raw::text, '|' ORDER BY raw::text)), '') "
                + $"FROM polarflow.{table} WHERE user_id = @u", connection);
            command.Parameters.AddWithValue("u", userId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        Assert.True(tables.Count >= 10, $"only {tables.Count} synced tables found");
        return snapshot;
    }

    /// <summary>
    /// The tables that are not a user's data: who they are, keys, jobs and what the sync waits to fetch, imports. Every
    /// other table with a user_id is.
    /// </summary>
    private static readonly string[] Operational =
    [
        "users", "api_keys", "people", "person_links", "sync_jobs", "sync_cursors", "exercise_announcements", "imports",
        "import_files", "import_chunks",
    ];

    /// <summary>
    /// Every data table's rows of one user, whole: each row's full text (every column, bytes as hex) digested, so two
    /// databases that agree here hold the same rows byte for byte.
    /// </summary>
    public static async Task<Dictionary<string, (long Rows, string Digest)>> WholeRowsAsync(string connectionString, string userId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'polarflow' AND column_name = 'user_id' ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) if (!Operational.Contains(reader.GetString(0))) tables.Add(reader.GetString(0));
        }
        var snapshot = new Dictionary<string, (long, string)>();
        foreach (var table in tables)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM polarflow.{table} t WHERE user_id = @u",
                connection);
            command.Parameters.AddWithValue("u", userId);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            snapshot[table] = (reader.GetInt64(0), reader.GetString(1));
        }
        Assert.True(tables.Count >= 19, $"only {tables.Count} data tables found");
        return snapshot;
    }
}
