using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The account archive for five years of the emulator's athlete: the last 28 days synced from AccessLink (with the
/// FIT, TCX and GPX of each exercise, which gives the Polar calls a new exercise adds), five years imported from a
/// Polar Flow export (with its TCX and GPX); then the stored file bytes per year, and `archive.zip` downloaded from a
/// freshly started ApiService (Release): time, MB/s and the server's peak resident memory beside its memory before.
/// </summary>
public static class ArchiveBenchmark
{
    private const string User = "bench-archive";
    private const int Years = 5;
    private const int HeapCapMiB = 160;

    public static async Task RunAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"pf-bench-imports-{Guid.NewGuid():N}");
        var zipPath = Path.Combine(Path.GetTempPath(), $"pf-bench-archive-{Guid.NewGuid():N}.zip");
        var settings = new Dictionary<string, string> { ["PolarFlow__Imports__Directory"] = folder };
        try
        {
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, .NET {Environment.Version}");
            await using (var emulator = new EmulatorFactory { HistoryDays = Years * 365 })
            {
                // A roomy window: this measures what each exercise costs, not how the budget spreads files over syncs.
                await emulator.AdminAsync(HttpMethod.Put, "/admin/settings", new { ShortWindowBaseLimit = 100_000 });
                var polar = await emulator.CreateUserAsync(registeredDaysAgo: 28);
                await SyncAsync(emulator, database, polar);
                using var admin = emulator.CreateClient();
                var export = await admin.GetByteArrayAsync($"/admin/users/{polar.PolarUserId}/export?generation=mixed");
                await using var api = await ApiProcess.StartAsync(apiDll, database, settings);
                await ImportAsync(api, export);
            }
            await PrintSizesAsync(database);
            await using (var api = await ApiProcess.StartAsync(apiDll, database, settings))
            {
                await ArchiveAsync(api, zipPath, "archive.zip");
            }
            // The server's memory grows as far as the GC lets it: capped, the same archive shows what streaming needs.
            var capped = new Dictionary<string, string>(settings) { ["DOTNET_GCHeapHardLimit"] = $"0x{HeapCapMiB << 20:X}" };
            await using (var api = await ApiProcess.StartAsync(apiDll, database, capped))
            {
                await ArchiveAsync(api, zipPath, $"archive.zip, GC heap capped at {HeapCapMiB} MiB");
            }
        }
        finally
        {
            File.Delete(zipPath);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            await database.DisposeAsync();
        }
    }

    private static async Task SyncAsync(EmulatorFactory emulator, TestDatabase database, EmulatorFactory.TestUser polar)
    {
        await using var sync = new SyncHarness(emulator, database, Guid.NewGuid().ToString("N"));
        await sync.ConnectAsync(polar, User);
        await sync.EnqueueAsync(User);
        await sync.DrainAsync();
        var calls = await emulator.CallsAsync(polar.PolarUserId);
        await using var db = database.CreateDbContext();
        var exercises = await db.Exercises.CountAsync(e => e.UserId == User);
        var files = calls.Where(c => c.Key.StartsWith("GET /v3/exercises/{exerciseId}/", StringComparison.Ordinal))
            .Sum(c => c.Value);
        var absent = await db.ExerciseFiles.CountAsync(f => f.UserId == User && f.Status == ExerciseFileStatus.Absent);
        Console.WriteLine($"first sync: {exercises} exercises in Polar's window, "
            + $"{calls.Values.Sum():N0} AccessLink calls of which {files} for files "
            + $"({(double)files / exercises:F2} per new exercise: FIT, TCX, GPX; {absent} answered 204), "
            + $"{calls["GET /v3/exercises/{exerciseId}"]} for the exercises themselves");
    }

    private static async Task ImportAsync(ApiProcess api, byte[] export)
    {
        using var http = Client(api);
        var content = new ByteArrayContent(export);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        var response = await http.PostAsync($"/api/v1/users/{User}/imports", content);
        var id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        JsonElement state;
        JsonElement Status() => state.GetProperty("status");
        do
        {
            await Task.Delay(200);
            state = await http.GetFromJsonAsync<JsonElement>($"/api/v1/users/{User}/imports/{id}");
        }
        while (Status().GetString() is "Queued" or "Running");
        Console.WriteLine($"import of a {Years}-year export ({export.Length / 1e6:F1} MB): {Status().GetString()}");
    }

    /// <summary>The originals by source, per year of exercises, and what they take in PostgreSQL (TOAST compresses XML).</summary>
    private static async Task PrintSizesAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var exercises = await db.Exercises.CountAsync(e => e.UserId == User);
        var bySource = await db.ExerciseFiles.Where(f => f.UserId == User && f.SizeBytes != null)
            .GroupBy(f => new { f.Source, f.Format })
            .Select(g => new { g.Key.Source, g.Key.Format, Count = g.Count(), Bytes = g.Sum(f => f.SizeBytes!.Value) })
            .OrderBy(g => g.Source).ThenBy(g => g.Format).ToListAsync();
        foreach (var g in bySource)
        {
            Console.WriteLine($"  {g.Source} {g.Format}: {g.Count} files, {g.Bytes / 1e6:F2} MB, "
                + $"{g.Bytes / 1e3 / g.Count:F1} kB each");
        }
        var accessLink = bySource.Where(g => g.Source == RecordSources.AccessLink).ToList();
        var perExercise = accessLink.Sum(g => g.Bytes) / (double)accessLink.Where(g => g.Format == "fit").Sum(g => g.Count);
        const string size = "SELECT pg_total_relation_size('polarflow.exercise_file_contents') AS \"Value\"";
        var onDisk = await db.Database.SqlQueryRaw<long>(size).SingleAsync();
        var raw = bySource.Sum(g => g.Bytes);
        var perYear = exercises / (double)Years;
        Console.WriteLine($"files per user per year: {perYear:F0} exercises a year x {perExercise / 1e3:F0} kB of AccessLink "
            + $"originals = {perYear * perExercise / 1e6:F1} MB a year; stored now {raw / 1e6:F1} MB of file bytes in "
            + $"{onDisk / 1e6:F1} MB of PostgreSQL ({(double)onDisk / raw:P0}, TOAST compression)");
    }

    private static async Task ArchiveAsync(ApiProcess api, string zipPath, string label)
    {
        using var http = Client(api);
        var before = api.MemoryMiB();
        var clock = Stopwatch.StartNew();
        var path = $"/api/v1/users/{User}/export/archive.zip";
        using (var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead))
        {
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            await using var file = File.Create(zipPath);
            await body.CopyToAsync(file);
        }
        clock.Stop();
        var after = api.MemoryMiB();
        var mb = new FileInfo(zipPath).Length / 1e6;
        using var zip = ZipFile.OpenRead(zipPath);
        var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open()).RootElement;
        var rows = manifest.GetProperty("tables").EnumerateObject().Sum(t => t.Value.GetProperty("rows").GetInt64());
        var files = zip.Entries.Count(e => e.FullName.StartsWith("files/", StringComparison.Ordinal));
        var unzipped = zip.Entries.Sum(e => e.Length) / 1e6;
        Console.WriteLine($"{label}: {mb:F1} MB ({unzipped:F1} MB unzipped, {zip.Entries.Count} entries: {rows:N0} rows, "
            + $"{files} exercise files) in {clock.Elapsed.TotalSeconds:F1} s = {mb / clock.Elapsed.TotalSeconds:F1} MB/s; "
            + $"server memory {before.Now:F0} MiB before, {after.Now:F0} MiB after, peak {after.Peak:F0} MiB");
        var largest = zip.Entries.OrderByDescending(e => e.Length).Take(5).Select(e => $"{e.FullName} {e.Length / 1e6:F1} MB");
        Console.WriteLine($"  largest entries: {string.Join(", ", largest)}");
    }

    private static HttpClient Client(ApiProcess api)
    {
        var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{api.Port}"), Timeout = TimeSpan.FromMinutes(10),
        };
        http.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
        return http;
    }
}
