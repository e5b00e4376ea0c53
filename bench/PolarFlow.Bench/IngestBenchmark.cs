using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// Storing rows: the rows a first sync of 20 athletes stored, written again into their emptied tables, side by side
/// in one run, three rounds: PostgreSQL's own COPY of the same rows (the table's binary COPY output fed back, so no
/// client work at all), the same rows as entities through a binary COPY, the upsert (as a first sync or an import
/// writes them), and the upsert of the same rows again (all identical: nothing changes).
/// </summary>
public static class IngestBenchmark
{
    private const int Athletes = 20;
    private const int Rounds = 3;

    public static async Task RunAsync()
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        await using (var emulator = await SyncBenchmark.FirstSyncEmulatorAsync())
        await using (var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N")))
        {
            for (var i = 0; i < Athletes; i++)
            {
                await sync.EnqueueAsync(await sync.ConnectAsync(await emulator.CreateUserAsync(registeredDaysAgo: 30)));
            }
            await sync.DrainAsync();
        }

        var totals = new Dictionary<string, TimeSpan>();
        long rows = 0, bytes = 0;
        for (var round = 0; round < Rounds; round++)
        {
            (rows, bytes) = (0, 0);
            foreach (var measure in new Func<TestDatabase, Dictionary<string, TimeSpan>, Task<(int, long)>>[]
            {
                MeasureAsync<DailyActivity>, MeasureAsync<ActivitySamples>, MeasureAsync<SleepNight>,
                MeasureAsync<NightlyRecharge>, MeasureAsync<ContinuousHeartRateDay>, MeasureAsync<CardioLoadDay>,
            })
            {
                var (count, size) = await measure(database, totals);
                rows += count;
                bytes += size;
            }
        }
        double PerSecond(string what) => rows * Rounds / totals[what].TotalSeconds;
        var (server, copy, upsert, again) = (PerSecond("server"), PerSecond("copy"), PerSecond("upsert"), PerSecond("again"));
        Console.WriteLine($"storing {rows:N0} first-sync rows (6 tables, {Athletes} athletes, "
            + $"{bytes / 1_000_000:N0} MB as COPY sends them), {Rounds} rounds:");
        Console.WriteLine($"  PostgreSQL's COPY of the bytes {server:N0} rows/s, entities by binary COPY {copy:N0} rows/s, "
            + $"upsert {upsert:N0} rows/s ({upsert / server:P0} of PostgreSQL's COPY, {upsert / copy:P0} of the entities' COPY), "
            + $"the same rows again (identical) {again:N0} rows/s");
        await database.DisposeAsync();
    }

    private static async Task<(int Rows, long Bytes)> MeasureAsync<T>(TestDatabase database,
        Dictionary<string, TimeSpan> totals) where T : class
    {
        await using var db = database.CreateDbContext();
        var rows = await db.Set<T>().AsNoTracking().ToListAsync();
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = $"\"{entity.GetSchema()}\".\"{entity.GetTableName()}\"";
        var truncate = $"TRUNCATE {table}";
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var bytes = new MemoryStream();
        await using (var output = await connection.BeginRawBinaryCopyAsync($"COPY {table} TO STDOUT (FORMAT BINARY)"))
        {
            await output.CopyToAsync(bytes);
        }
        async Task Timed(string what, Func<Task> write)
        {
            var clock = Stopwatch.StartNew();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                await write();
                await transaction.CommitAsync();
            }
            totals[what] = totals.GetValueOrDefault(what) + clock.Elapsed;
        }
        async Task Stored(int expected, string what)
        {
            var changed = await db.UpsertAsync(rows);
            if (changed != expected) throw new InvalidOperationException($"{typeof(T).Name}: {changed} {what}");
        }

        await db.Database.ExecuteSqlRawAsync(truncate);
        await Timed("server", async () =>
        {
            await using var input = await connection.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
            await input.WriteAsync(bytes.GetBuffer().AsMemory(0, (int)bytes.Length));
        });
        await db.Database.ExecuteSqlRawAsync(truncate);
        await Timed("copy", () => db.CopyAsync(rows));
        await db.Database.ExecuteSqlRawAsync(truncate);
        await Timed("upsert", () => Stored(rows.Count, $"of {rows.Count} rows stored"));
        await Timed("again", () => Stored(0, "identical rows counted as changed"));
        await db.Database.CloseConnectionAsync();
        return (rows.Count, bytes.Length);
    }
}
