using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PolarFlow.Data;

/// <summary>
/// Exact upserts on a table's natural (primary) key: <c>INSERT ... ON CONFLICT (key) DO UPDATE</c>, built from
/// the EF model so column names, types and converters stay in one place. A row whose columns are all
/// unchanged is left alone, so the returned count is the number of rows really inserted or changed.
/// </summary>
public static class UpsertExtensions
{
    private const int MaxParameters = 30_000; // PostgreSQL allows 65,535 per statement; stay well under it.
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

    private static string BuildStatement<T>(StoreObjectIdentifier table, IReadOnlyList<IProperty> key, List<IProperty> properties,
        T[] batch, DbCommand command, List<DbParameter> parameters, UpsertMode mode) where T : class
    {
        string Column(IProperty p) => Quote(p.GetColumnName(table)!);
        var updated = properties.Where(p => !key.Contains(p) && p.Name != CreatedAtProperty && (mode == UpsertMode.FillGaps || p.Name != ExportRawProperty)).ToList();
        var compared = updated.Where(p => p.Name != UpdatedAtProperty).ToList();
        // The export's JSON is keyed by file family (a sleep result and a sleep score describe one night): merge the keys.
        string NewValue(IProperty p) => mode == UpsertMode.Replace || p.Name == UpdatedAtProperty ? $"EXCLUDED.{Column(p)}"
            : p.Name == ExportRawProperty ? $"COALESCE(t.{Column(p)}, jsonb_build_object()) || EXCLUDED.{Column(p)}"
            : $"COALESCE(t.{Column(p)}, EXCLUDED.{Column(p)})";

        var sql = new StringBuilder()
            .Append("INSERT INTO ").Append(Quote(table.Schema!)).Append('.').Append(Quote(table.Name)).Append(" AS t (")
            .AppendJoin(", ", properties.Select(Column)).Append(") VALUES ");

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

        sql.Append(" ON CONFLICT (").AppendJoin(", ", key.Select(Column)).Append(") DO UPDATE SET ")
            .AppendJoin(", ", updated.Select(p => $"{Column(p)} = {NewValue(p)}"))
            .Append(" WHERE (").AppendJoin(", ", compared.Select(p => "t." + Column(p))).Append(") IS DISTINCT FROM (")
            .AppendJoin(", ", compared.Select(NewValue)).Append(')');
        return sql.ToString();
    }

    // timestamptz holds instants; Npgsql only writes offset-zero values, so an offset from Polar is moved to UTC here.
    private static object? Normalize(object? value) =>
        value is DateTimeOffset { Offset.Ticks: not 0 } dto ? dto.ToUniversalTime() : value;

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
