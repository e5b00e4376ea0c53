using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolarFlow.Data;

/// <summary>
/// Exact upserts on a table's natural (primary) key: <c>INSERT ... ON CONFLICT (key) DO UPDATE</c>, built from
/// the EF model so column names, types and converters stay in one place. A row whose columns are all
/// unchanged is left alone, so the returned count is the number of rows really inserted or changed. Many rows at
/// once (first syncs, backfills, imports: <see cref="BulkFromRows"/> or more) go by binary COPY into a session's
/// staging table and one merge with the same conflict rule, so storing them runs close to COPY's own speed.
/// </summary>
public static class UpsertExtensions
{
    private const int MaxParameters = 30_000; // PostgreSQL allows 65,535 per statement; stay well under it.

    /// <summary>From this many rows, the staging-table path (below, its one-off cost is a statement or two).</summary>
    public const int BulkFromRows = 100;
    private const string CreatedAtProperty = "CreatedAt";
    private const string UpdatedAtProperty = "UpdatedAt";
    private const string ExportRawProperty = "ExportRaw";

    /// <returns>Rows inserted or changed (identical rows are not counted).</returns>
    /// <param name="mode">
    /// <see cref="UpsertMode.Replace"/> (the sync): every column takes the new value, except the export's JSON, which
    /// the sync never has. <see cref="UpsertMode.FillGaps"/> (an import): a row that exists keeps every value it has
    /// (AccessLink's fields win), gains the ones it lacks, and merges the export JSON (keyed by file family) into its own.
    /// </param>
    public static async Task<int> UpsertAsync<T>(this PolarFlowDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken = default,
        UpsertMode mode = UpsertMode.Replace)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the PolarFlow model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties;
        var properties = entityType.GetProperties().ToList();

        // One statement may not touch a row twice: the last version of a key wins, as it would row by row.
        var distinct = rows
            .GroupBy(row => string.Join('\u001f', key.Select(p => Convert.ToString(p.GetGetter().GetClrValue(row), System.Globalization.CultureInfo.InvariantCulture))))
            .Select(g => g.Last())
            .ToList();

        if (distinct.Count >= BulkFromRows)
        {
            return await BulkAsync(db, table, key, properties, distinct, mode, cancellationToken);
        }

        var changed = 0;
        var batchSize = Math.Max(1, MaxParameters / properties.Count);
        foreach (var batch in distinct.Chunk(batchSize))
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            var parameters = new List<DbParameter>(batch.Length * properties.Count);
            var sql = BuildStatement(table, key, properties, batch, command, parameters, mode);
            changed += await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// Binary COPY into a temporary table of the session (made once per connection, emptied before each use), then
    /// one <c>INSERT ... SELECT</c> from it with the statement path's conflict rule, in the caller's transaction.
    /// </summary>
    private static async Task<int> BulkAsync<T>(PolarFlowDbContext db, StoreObjectIdentifier table,
        IReadOnlyList<IProperty> key, List<IProperty> properties, List<T> rows, UpsertMode mode, CancellationToken ct)
        where T : class
    {
        var target = Target(table);
        var stage = Quote("upsert_" + table.Name);
        var columns = Columns(table, properties);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Names from the EF model, not from input.
            var create = $"CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE {target} INCLUDING DEFAULTS); "
                + $"TRUNCATE {stage}";
            await db.Database.ExecuteSqlRawAsync(create, ct);
            await CopyAsync(db, table, properties, rows, stage, ct);
            var sql = new StringBuilder()
                .Append("INSERT INTO ").Append(target).Append(" AS t (").Append(columns).Append(')')
                .Append(" SELECT ").Append(columns).Append(" FROM ").Append(stage);
            AppendConflict(sql, table, key, properties, mode);
            return await db.Database.ExecuteSqlRawAsync(sql.ToString(), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Binary COPY of the rows straight into their own table, with no conflict rule (a key that exists fails): what
    /// the bulk path costs is measured against this (bench-sync).
    /// </summary>
    public static async Task CopyAsync<T>(this PolarFlowDbContext db, IReadOnlyCollection<T> rows,
        CancellationToken ct = default) where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await CopyAsync(db, table, entityType.GetProperties().ToList(), rows, Target(table), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Binary COPY of every mapped column of the rows into <paramref name="into"/> (the connection is open).</summary>
    private static async Task CopyAsync<T>(PolarFlowDbContext db, StoreObjectIdentifier table,
        List<IProperty> properties, IEnumerable<T> rows, string into, CancellationToken ct) where T : class
    {
        var columns = Columns(table, properties);
        var mappings = properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var copy = $"COPY {into} ({columns}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < mappings.Length; i++)
            {
                var value = Normalize(getters[i].GetClrValue(row));
                if (value is not null && mappings[i].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, mappings[i].StoreTypeNameBase, ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static string BuildStatement<T>(StoreObjectIdentifier table, IReadOnlyList<IProperty> key, List<IProperty> properties,
        T[] batch, DbCommand command, List<DbParameter> parameters, UpsertMode mode) where T : class
    {
        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(Target(table)).Append(" AS t (")
            .Append(Columns(table, properties)).Append(") VALUES ");

        for (var row = 0; row < batch.Length; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var i = 0; i < properties.Count; i++)
            {
                var property = properties[i];
                var name = "p" + parameters.Count;
                var value = Normalize(property.GetGetter().GetClrValue(batch[row]));
                parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, name, value, property.IsNullable));
                sql.Append(i == 0 ? "" : ", ").Append('{').Append(parameters.Count - 1).Append('}');
            }
            sql.Append(')');
        }
        AppendConflict(sql, table, key, properties, mode);
        return sql.ToString();
    }

    /// <summary>The conflict rule of both paths: update on the key, and only when some compared column differs.</summary>
    private static void AppendConflict(StringBuilder sql, StoreObjectIdentifier table, IReadOnlyList<IProperty> key,
        List<IProperty> properties, UpsertMode mode)
    {
        string Column(IProperty p) => Quote(p.GetColumnName(table)!);
        var updated = properties.Where(p => !key.Contains(p) && p.Name != CreatedAtProperty && (mode == UpsertMode.FillGaps || p.Name != ExportRawProperty)).ToList();
        var compared = updated.Where(p => p.Name != UpdatedAtProperty).ToList();
        // The export's JSON is keyed by file family (a sleep result and a sleep score describe one night): merge the keys.
        string NewValue(IProperty p) => mode == UpsertMode.Replace || p.Name == UpdatedAtProperty ? $"EXCLUDED.{Column(p)}"
            : p.Name == ExportRawProperty ? $"COALESCE(t.{Column(p)}, jsonb_build_object()) || EXCLUDED.{Column(p)}"
            : $"COALESCE(t.{Column(p)}, EXCLUDED.{Column(p)})";

        sql.Append(" ON CONFLICT (").AppendJoin(", ", key.Select(Column)).Append(") DO UPDATE SET ")
            .AppendJoin(", ", updated.Select(p => $"{Column(p)} = {NewValue(p)}"))
            .Append(" WHERE (").AppendJoin(", ", compared.Select(p => "t." + Column(p))).Append(") IS DISTINCT FROM (")
            .AppendJoin(", ", compared.Select(NewValue)).Append(')');
    }

    // timestamptz holds instants; Npgsql only writes offset-zero values, so an offset from Polar is moved to UTC here.
    private static object? Normalize(object? value) =>
        value is DateTimeOffset { Offset.Ticks: not 0 } dto ? dto.ToUniversalTime() : value;

    private static string Target(StoreObjectIdentifier table) => Quote(table.Schema!) + "." + Quote(table.Name);

    private static string Columns(StoreObjectIdentifier table, IEnumerable<IProperty> properties) =>
        string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)));

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
