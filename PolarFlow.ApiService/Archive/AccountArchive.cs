using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Analytics;
using PolarFlow.ApiService.Export;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Files;

namespace PolarFlow.ApiService.Archive;

public sealed record ArchiveManifest(string Format, int SchemaVersion, string UserId, DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, ArchiveTableInfo> Tables, IReadOnlyList<string> Csv, ArchiveFilesInfo Files, IReadOnlyList<string> Analytics);
public sealed record ArchiveTableInfo(string Entry, long Rows, DateOnly? From, DateOnly? To);
public sealed record ArchiveFilesInfo(int Count, long Bytes);
/// <summary>The user as the archive keeps them: no token, no key, nothing secret.</summary>
public sealed record ArchivedUser(string UserId, long? PolarUserId, DateTimeOffset? PolarRegistrationDate, string ConnectionState,
    DateTimeOffset CreatedAt, JsonElement? Polar);

/// <summary>
/// A user's whole account as one ZIP, written as it is read (row by row, file by file) so it never sits in memory:
/// every table as JSON Lines (restorable) and CSV (readable), the original exercise files, today's analytics, a
/// manifest and a README. `POST …/imports` takes it back (<see cref="ArchiveRestore"/>).
/// </summary>
public sealed class AccountArchive(PolarFlowDbContext db, IExerciseFileStore store, AnalyticsService analytics, TimeProvider time)
{
    public const string Format = "polarflow-archive";
    public const int SchemaVersion = 1;
    public const string ManifestEntry = "manifest.json";
    public const string UserEntry = "user.json";

    public static string FileEntry(ExerciseFileKey key) => $"files/{key.ExerciseId}/{key.Source}.{key.Format}";

    public async Task WriteAsync(PolarUser user, Stream output, CancellationToken ct)
    {
        using var streaming = PolarFlowExecutionStrategy.Streaming(db); // rows go out as they are read, never all at once
        var sink = new DrainingStream(output);
        var zip = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct);
        await WriteEntriesAsync(zip, sink, user, ct);
        await zip.DisposeAsync(); // the central directory
        await sink.DrainAsync(ct, all: true);
    }

    private async Task WriteEntriesAsync(ZipArchive zip, DrainingStream sink, PolarUser user, CancellationToken ct)
    {
        var userId = user.UserId;
        await TextAsync(zip, "README.md", Readme, ct);
        await JsonAsync(zip, UserEntry, new ArchivedUser(userId, user.PolarUserId, user.PolarRegistrationDate, user.ConnectionState.ToString(),
            user.CreatedAt, user.Raw is null ? null : JsonSerializer.Deserialize<JsonElement>(user.Raw)), ct);

        var tables = new Dictionary<string, ArchiveTableInfo>(StringComparer.Ordinal);
        var line = new ArrayBufferWriter<byte>(4096);
        await using var json = new Utf8JsonWriter(line);
        foreach (var table in ArchiveTable.All(db))
        {
            await using var stream = await zip.CreateEntry(table.Entry, CompressionLevel.Fastest).OpenAsync(ct);
            long rows = 0;
            DateOnly? from = null, to = null;
            await foreach (var (row, day) in table.RowsAsync(db, userId, ct))
            {
                line.ResetWrittenCount();
                json.Reset();
                JsonSerializer.Serialize(json, row, row.GetType(), ArchiveTable.Json);
                json.Flush();
                line.Write("\n"u8);
                await stream.WriteAsync(line.WrittenMemory, ct);
                await sink.DrainAsync(ct);
                rows++;
                if (day is { } d) (from, to) = (from is null || d < from ? d : from, to is null || d > to ? d : to);
            }
            await stream.DisposeAsync();
            await sink.DrainAsync(ct);
            tables[table.Name] = new ArchiveTableInfo(table.Entry, rows, from, to);
        }

        foreach (var type in CsvExports.Types)
        {
            await using var stream = await zip.CreateEntry($"csv/{type}.csv", CompressionLevel.Fastest).OpenAsync(ct);
            await CsvExports.WriteAsync(type, db, userId, CsvExports.Everything, stream, ct);
            await stream.DisposeAsync();
            await sink.DrainAsync(ct);
        }

        var (count, bytes) = (0, 0L);
        var files = await db.ExerciseFiles.AsNoTracking().Where(f => f.UserId == userId && f.Status == ExerciseFileStatus.Stored)
            .OrderBy(f => f.ExerciseId).ThenBy(f => f.Source).ThenBy(f => f.Format)
            .Select(f => new ExerciseFileKey(f.UserId, f.ExerciseId, f.Format, f.Source)).ToListAsync(ct);
        foreach (var key in files)
        {
            await using var content = await store.OpenReadAsync(db, key, ct);
            if (content is null) continue;
            await using var stream = await zip.CreateEntry(FileEntry(key), CompressionLevel.Fastest).OpenAsync(ct);
            await content.CopyToAsync(stream, ct);
            await stream.DisposeAsync();
            await sink.DrainAsync(ct);
            (count, bytes) = (count + 1, bytes + content.Length);
        }

        var utcToday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var computed = new List<string>();
        foreach (var definition in AnalyticsCatalog.All)
        {
            if (!AnalyticsQuery.TryCreate(new AnalyticsQueryString(), definition.DefaultDays, utcToday, out var query, out _)) continue;
            if ((await analytics.GetAsync(userId, definition, query, ct)).Json is not { } answer) continue;
            await TextAsync(zip, $"analytics/{definition.Name}.json", answer, ct);
            computed.Add(definition.Name);
        }

        await JsonAsync(zip, ManifestEntry, new ArchiveManifest(Format, SchemaVersion, userId, time.GetUtcNow(), tables,
            [.. CsvExports.Types.Select(t => $"csv/{t}.csv")], new ArchiveFilesInfo(count, bytes), computed), ct);
    }

    private static async Task TextAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }

    private static async Task JsonAsync<T>(ZipArchive zip, string name, T value, CancellationToken ct)
    {
        await using var stream = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(ct);
        await JsonSerializer.SerializeAsync(stream, value, new JsonSerializerOptions(ArchiveTable.Json) { WriteIndented = true }, ct);
    }

    private const string Readme = """
        # PolarFlow account archive

        Everything PolarFlow holds for one user, written by PolarFlow's `GET /api/v1/users/{userId}/export/archive.zip`.

        | Path | What it is |
        |---|---|
        | `manifest.json` | format `polarflow-archive`, schema version, user, time written; per table its rows and date range; file count and bytes; the analytics included |
        | `user.json` | the user: id, Polar user id, Polar registration date, connection state (no token, no key) |
        | `data/{table}.jsonl` | every row of every table, one JSON object per line, every column as stored (`raw` is Polar's own JSON, `exportRaw` the export's) |
        | `csv/{type}.csv` | the same data as CSV, one file per data type (sample series one row per sample), for spreadsheets |
        | `files/{exerciseId}/{source}.{format}` | each exercise's original FIT, TCX or GPX (source `accesslink`), or the file an export held beside it (source `export`), byte for byte; `data/exercise_files.jsonl` gives each one's size, type and SHA-256 |
        | `analytics/{name}.json` | today's analytics (summary, hrv, readiness, sleep, training-load, early-warning, anomalies, insights), as the API answers them |

        Times: `…Time` fields without an offset are the watch's local time; the others are UTC.

        To move this user to another PolarFlow: create the user there (`POST /api/v1/users`), then upload this ZIP as an
        import (`POST /api/v1/users/{userId}/imports`, or the dashboard's Data page). The import restores every row and
        file; importing it again changes nothing. Connect Polar again on the new server: tokens are not archived.
        """;
}
