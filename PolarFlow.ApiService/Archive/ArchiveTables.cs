using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Archive;

/// <summary>
/// The tables an account archive holds, read from the EF model so a new data table is archived without a line here:
/// every Polar record table (<see cref="SyncedRecord"/>) and the exercise files' rows. Each is written as JSON Lines,
/// one entity per line with every column, and read back the same way.
/// </summary>
public abstract class ArchiveTable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Which property dates a row, for the manifest's ranges (first found).</summary>
    private static readonly string[] DateProperties = ["Date", "SleepDate", "StartTime", "PeriodStartTime", "ModifiedAt", "TestTime"];

    public required string Name { get; init; }
    public string Entry => $"data/{Name}.jsonl";

    /// <summary>The user's rows, streamed, with the day each belongs to (null when the table has no date).</summary>
    public abstract IAsyncEnumerable<(object Row, DateOnly? Day)> RowsAsync(PolarFlowDbContext db, string userId, CancellationToken ct);

    /// <summary>JSON Lines read back as rows of <paramref name="userId"/>, and how to store them.</summary>
    public abstract ArchiveRows Read(IEnumerable<string> lines, string userId);

    public static IReadOnlyList<ArchiveTable> All(PolarFlowDbContext db) =>
    [
        .. db.Model.GetEntityTypes()
            .Where(e => e.ClrType.IsSubclassOf(typeof(SyncedRecord)) || e.ClrType == typeof(ExerciseFile))
            .OrderBy(e => e.GetTableName(), StringComparer.Ordinal)
            .Select(e => (ArchiveTable)Activator.CreateInstance(typeof(Table<>).MakeGenericType(e.ClrType), e.GetTableName()!)!),
    ];

    private sealed class Table<T> : ArchiveTable where T : class
    {
        private static readonly PropertyInfo UserId = typeof(T).GetProperty("UserId")!;
        private static readonly PropertyInfo? Dated = DateProperties.Select(n => typeof(T).GetProperty(n)).FirstOrDefault(p => p is not null);

        [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
        public Table(string name) => Name = name;

        public override async IAsyncEnumerable<(object Row, DateOnly? Day)> RowsAsync(PolarFlowDbContext db, string userId,
            [EnumeratorCancellation] CancellationToken ct)
        {
            var rows = db.Set<T>().AsNoTracking().Where(r => EF.Property<string>(r, "UserId") == userId).AsAsyncEnumerable();
            await foreach (var row in rows.WithCancellation(ct)) yield return (row, DayOf(Dated?.GetValue(row)));
        }

        public override ArchiveRows Read(IEnumerable<string> lines, string userId)
        {
            var rows = new List<T>();
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                var row = JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException($"a null line in {Entry}");
                UserId.SetValue(row, userId);
                rows.Add(row);
            }
            // Fill the gaps: a row this server already holds keeps its values, so a restore never overwrites anything.
            return new ArchiveRows(Name, rows.Count, (db, ct) => db.UpsertAsync(rows, ct, UpsertMode.FillGaps));
        }

        private static DateOnly? DayOf(object? value) => value switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            DateTimeOffset o => DateOnly.FromDateTime(o.UtcDateTime),
            long epoch => DateOnly.FromDateTime(AccessLink.Models.EpochTime.ToUtc(epoch).UtcDateTime),
            _ => null,
        };
    }
}

/// <summary>Rows read from one archive table, and the upsert that stores them (returns the rows inserted or changed).</summary>
public sealed record ArchiveRows(string Table, int Count, Func<PolarFlowDbContext, CancellationToken, Task<int>> Store);
