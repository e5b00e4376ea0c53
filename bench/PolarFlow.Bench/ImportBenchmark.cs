using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Bench;

/// <summary>
/// The history import on a three-year export of the emulator's athlete (both training-session generations): upload
/// rate, then import throughput in records/s and MB/s (compressed and uncompressed) from the import's own start and
/// end, and the ApiService's peak resident memory beside its memory before, in one run; then the same ZIP again.
/// </summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(string apiDll)
    {
        var database = new TestDatabase();
        await database.InitializeAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"pf-bench-imports-{Guid.NewGuid():N}");
        var zipPath = Path.Combine(Path.GetTempPath(), $"pf-bench-export-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var emulator = new EmulatorFactory { HistoryDays = 3 * 365 })
            {
                var polar = await emulator.CreateUserAsync(registeredDaysAgo: 28);
                using var admin = emulator.CreateClient();
                await File.WriteAllBytesAsync(zipPath, await admin.GetByteArrayAsync($"/admin/users/{polar.PolarUserId}/export?generation=mixed"));
            }
            long uncompressed;
            int files;
            using (var zip = ZipFile.OpenRead(zipPath)) (uncompressed, files) = (zip.Entries.Sum(e => e.Length), zip.Entries.Count);
            var mb = new FileInfo(zipPath).Length / 1e6;
            Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, .NET {Environment.Version}; export: 3 years, {files} files, {mb:F1} MB zipped, {uncompressed / 1e6:F1} MB of JSON");

            await using var api = await ApiProcess.StartAsync(apiDll, database, new Dictionary<string, string> { ["PolarFlow__Imports__Directory"] = folder });
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{api.Port}"), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Add("X-API-Key", ApiProcess.Key);
            (await http.PostAsJsonAsync("/api/v1/users", new { UserId = "bench-import" })).EnsureSuccessStatusCode();

            for (var run = 1; run <= 2; run++)
            {
                var before = api.MemoryMiB();
                var upload = Stopwatch.StartNew();
                await using var file = File.OpenRead(zipPath);
                var content = new StreamContent(file);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
                var response = await http.PostAsync("/api/v1/users/bench-import/imports", content);
                var id = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                upload.Stop();
                JsonElement state;
                while ((state = await http.GetFromJsonAsync<JsonElement>($"/api/v1/users/bench-import/imports/{id}")).GetProperty("status").GetString() is "Queued" or "Running")
                {
                    await Task.Delay(100);
                }
                var seconds = (state.GetProperty("finishedAt").GetDateTimeOffset() - state.GetProperty("startedAt").GetDateTimeOffset()).TotalSeconds;
                var records = state.GetProperty("records").EnumerateObject().Sum(t => t.Value.GetProperty("read").GetInt32());
                var changed = state.GetProperty("records").EnumerateObject().Sum(t => t.Value.GetProperty("changed").GetInt32());
                var after = api.MemoryMiB();
                Console.WriteLine($"{(run == 1 ? "first import" : "same ZIP again")}: {state.GetProperty("status").GetString()}; upload {mb / upload.Elapsed.TotalSeconds:F0} MB/s ({upload.Elapsed.TotalSeconds:F2} s); "
                    + $"import {seconds:F1} s: {records:N0} records ({changed:N0} changed), {records / seconds:N0} records/s, {mb / seconds:F2} MB/s zipped, {uncompressed / 1e6 / seconds:F1} MB/s of JSON; "
                    + $"server memory {before.Now:F0} MiB before, {after.Now:F0} MiB after, peak {after.Peak:F0} MiB");
            }
        }
        finally
        {
            File.Delete(zipPath);
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            await database.DisposeAsync();
        }
    }
}
