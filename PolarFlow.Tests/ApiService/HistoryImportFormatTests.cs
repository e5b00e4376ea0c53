using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.ApiService.Imports;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>The export's formats and the ways an upload goes wrong, on 25-day athletes (imports only, no sync).</summary>
public sealed class HistoryImportFormatTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<(string UserId, long PolarUserId)> UserAsync()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 25);
        var userId = $"import-{Guid.NewGuid():N}"[..20];
        using var admin = api.CreateAdminClient();
        (await admin.PostAsJsonAsync("/api/v1/users", new { UserId = userId })).EnsureSuccessStatusCode();
        return (userId, polar.PolarUserId);
    }

    [Theory]
    [InlineData("new")]
    [InlineData("old")]
    public async Task BothTrainingSessionGenerationsImportWithNaNAsAGap(string generation)
    {
        var (userId, polarId) = await UserAsync();
        var truth = await api.Emulator.TruthAsync(polarId);
        using var admin = api.CreateAdminClient();

        var import = await ImportSupport.ImportAsync(admin, userId, await ImportSupport.ExportAsync(api.Emulator, polarId, generation));

        Assert.Equal("Succeeded", import.GetProperty("status").GetString());
        await using var db = api.Database.CreateDbContext();
        Assert.False(await db.ImportChunks.AnyAsync(c => c.UserId == userId)); // the upload's bytes went when it ended
        var exercises = await db.Exercises.Where(e => e.UserId == userId).ToListAsync();
        var expected = truth.GetProperty("exercises").EnumerateArray().ToList();
        Assert.Equal(expected.Count, exercises.Count);
        foreach (var e in expected)
        {
            var start = DateTime.Parse(e.GetProperty("start_time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var stored = Assert.Single(exercises, x => x.StartTime == start);
            Assert.Equal(e.GetProperty("heart_rate").GetProperty("average").GetInt32(), stored.HeartRateAverage);
            Assert.Equal(e.GetProperty("sport").GetString(), stored.Sport);
            Assert.Equal(RecordSources.Export, stored.Source);
            Assert.NotNull(stored.ExportRaw);
            // Polar's own samples have a gap at index 7; the export wrote NaN there (bare in some files, quoted in others).
            var truthHr = e.GetProperty("samples").EnumerateArray().Single(s => s.GetProperty("sample_type").GetInt32() == 0).GetProperty("data").GetString();
            var hr = await db.ExerciseSamples.SingleAsync(s => s.UserId == userId && s.ExerciseId == stored.ExerciseId && s.SampleType == 0);
            Assert.Equal(truthHr, hr.Data);
        }
        Assert.Contains(exercises, e => e.TrainingLoad is not null == (generation == "new"));
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/exercises?days=60");
        Assert.All(listed.GetProperty("items").EnumerateArray(), e => Assert.Equal(["export"], e.GetProperty("provenance").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public async Task ATruncatedOrCorruptFileIsReportedByNameAndTheRestIsImported()
    {
        var (userId, polarId) = await UserAsync();
        var zip = await ImportSupport.ExportAsync(api.Emulator, polarId, "new");
        string? truncated = null;
        var broken = ImportSupport.Rewrite(zip, (name, content) =>
        {
            if (truncated is null && name.Contains("/activity-")) { truncated = name; return content![..(content!.Length / 2)]; }
            return content;
        }, ("polar-user-data-export/sleep_score_1-corrupt.json", [0x50, 0x4B, 0x00, 0xFF, 0x13]));
        using var admin = api.CreateAdminClient();

        var import = await ImportSupport.ImportAsync(admin, userId, broken);

        Assert.Equal("PartiallySucceeded", import.GetProperty("status").GetString());
        var errors = import.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("file").GetString()!, e => e.GetProperty("reason").GetString()!);
        Assert.Equal([truncated!, "polar-user-data-export/sleep_score_1-corrupt.json"], errors.Keys.Order());
        Assert.All(errors.Values, reason => Assert.Contains("JSON", reason));
        Assert.Equal(import.GetProperty("filesTotal").GetInt32(), import.GetProperty("filesDone").GetInt32());
        await using var db = api.Database.CreateDbContext();
        var truth = await api.Emulator.TruthAsync(polarId);
        Assert.Equal(truth.GetProperty("activities").GetArrayLength() - 1, await db.DailyActivity.CountAsync(a => a.UserId == userId));
        Assert.Equal(truth.GetProperty("sleep").GetArrayLength(), await db.Sleep.CountAsync(s => s.UserId == userId && s.SleepScore != null));
    }

    [Fact]
    public async Task AZipThatIsNotAPolarExportOrNoZipAtAllIsRefusedAndLeavesNothing()
    {
        var (userId, _) = await UserAsync();
        var notPolar = ImportSupport.Rewrite(await ImportSupport.ExportAsync(api.Emulator, (await api.Emulator.CreateUserAsync()).PolarUserId, "new"),
            (_, _) => null, ("readme.txt", Encoding.UTF8.GetBytes("holiday photos")), ("photo.jpg", [1, 2, 3]));
        using var admin = api.CreateAdminClient();

        var zipResponse = await ImportSupport.UploadAsync(admin, userId, notPolar);
        var textResponse = await ImportSupport.UploadAsync(admin, userId, Encoding.UTF8.GetBytes("not a zip at all"));
        var formResponse = await admin.PostAsync($"/api/v1/users/{userId}/imports", JsonContent.Create(new { file = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, zipResponse.StatusCode);
        Assert.Contains("not a Polar Flow account export", (await zipResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, textResponse.StatusCode);
        Assert.Contains("not a ZIP", (await textResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formResponse.StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/imports")).GetProperty("count").GetInt32());
        var folder = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value.Directory;
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []); // nothing refused stays on disk
        await using var db = api.Database.CreateDbContext();
        Assert.False(await db.ImportChunks.AnyAsync(c => c.UserId == userId)); // or in the database
    }

    [Fact]
    public async Task AMultipartUploadWorksAndAUserKeyCannotImportIntoAnotherUsersAccount()
    {
        var (alice, polarId) = await UserAsync();
        var (bob, _) = await UserAsync();
        var zip = await ImportSupport.ExportAsync(api.Emulator, polarId, "new");
        using var admin = api.CreateAdminClient();
        var aliceKey = (await (await admin.PostAsJsonAsync("/api/v1/keys", new { Name = "alice", Kind = "user", UserId = alice })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("key").GetString()!;
        using var asAlice = api.CreateClient();
        asAlice.DefaultRequestHeaders.Add("X-API-Key", aliceKey);
        MultipartFormDataContent Form() => new() { { new ByteArrayContent(zip), "file", "polar-export.zip" } };

        var intoBob = await asAlice.PostAsync($"/api/v1/users/{bob}/imports", Form());
        var intoAlice = await asAlice.PostAsync($"/api/v1/users/{alice}/imports", Form());

        Assert.Equal(HttpStatusCode.Forbidden, intoBob.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, intoAlice.StatusCode);
        var accepted = await intoAlice.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("polar-export.zip", accepted.GetProperty("fileName").GetString());
        var done = await ImportSupport.WaitAsync(asAlice, alice, accepted.GetProperty("id").GetGuid());
        Assert.Equal("Succeeded", done.GetProperty("status").GetString());
        await using var db = api.Database.CreateDbContext();
        Assert.False(await db.Sleep.AnyAsync(s => s.UserId == bob));
        Assert.Empty(await db.Imports.Where(i => i.UserId == bob).ToListAsync());
    }

    [Fact]
    public async Task AnExerciseImportedBeforeTheSyncListedItStaysOneRecord()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 25);
        await using var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        var userId = await worker.ConnectAsync(polar);
        using var admin = api.CreateAdminClient();
        var export = await ImportSupport.ExportAsync(api.Emulator, polar.PolarUserId, "new");
        await ImportSupport.ImportAsync(admin, userId, export);

        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();

        var truth = await api.Emulator.TruthAsync(polar.PolarUserId);
        await using var db = api.Database.CreateDbContext();
        var exercises = await db.Exercises.Where(e => e.UserId == userId).ToListAsync();
        // One row per session; those AccessLink listed (uploaded after registration) took Polar's id and kept the export's JSON.
        Assert.Equal(truth.GetProperty("exercises").GetArrayLength(), exercises.Count);
        Assert.Equal(exercises.Count, exercises.Select(e => e.StartTime).Distinct().Count());
        var polarIds = truth.GetProperty("exercises").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var synced = exercises.Where(e => polarIds.Contains(e.ExerciseId)).ToList();
        Assert.True(synced.Count >= exercises.Count / 2, $"{synced.Count} of {exercises.Count} synced");
        Assert.All(synced, e => Assert.Equal((RecordSources.AccessLink, true), (e.Source, e.ExportRaw is not null)));
        Assert.All(exercises.Except(synced), e => Assert.StartsWith("export-", e.ExerciseId));
        var sampleOwners = await db.ExerciseSamples.Where(s => s.UserId == userId).Select(s => s.ExerciseId).Distinct().ToListAsync();
        Assert.All(sampleOwners, id => Assert.Contains(exercises, e => e.ExerciseId == id)); // the adopted sessions' export samples went with them

        // The TCX and GPX the export held beside each session are kept byte for byte with their session (moved to
        // Polar's id when AccessLink's exercise adopted it), beside AccessLink's own files.
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(export));
        var held = zip.Entries.Where(e => e.Name.EndsWith(".tcx") || e.Name.EndsWith(".gpx")).ToDictionary(e => e.Name, e =>
        {
            using var stream = e.Open();
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        });
        var kept = await db.ExerciseFiles.Where(f => f.UserId == userId && f.Source == RecordSources.Export).ToListAsync();
        Assert.True(held.Count > 10, $"the export held {held.Count} session files");
        Assert.Equal(held.Keys.Order(), kept.Select(f => f.Name!).Order());
        Assert.All(kept, f => Assert.Equal(held[f.Name!], f.Sha256));
        Assert.All(kept, f => Assert.Contains(exercises, e => e.ExerciseId == f.ExerciseId));
        Assert.Contains(kept, f => polarIds.Contains(f.ExerciseId));
        var contents = await db.ExerciseFileContents.Where(c => c.UserId == userId && c.Source == RecordSources.Export).ToListAsync();
        Assert.Equal(kept.Count, contents.Count);
        Assert.All(contents, c => Assert.Equal(kept.Single(f => (f.ExerciseId, f.Format) == (c.ExerciseId, c.Format)).Sha256,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(c.Content))));
        var nights = await db.Sleep.Where(s => s.UserId == userId).ToListAsync();
        Assert.All(nights, n => Assert.Equal((RecordSources.AccessLink, true), (n.Source, n.ExportRaw is not null))); // the sync replaced, the export stayed
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}/sleep?days=60");
        Assert.All(listed.GetProperty("nights").EnumerateArray(), n => Assert.Equal(["accesslink", "export"], n.GetProperty("provenance").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public async Task AnImportWhoseInstanceStoppedBeatingIsTakenOverFromTheDatabaseAndResumesAfterItsLastFinishedFile()
    {
        var (userId, polarId) = await UserAsync();
        var zip = await ImportSupport.ExportAsync(api.Emulator, polarId, "new");
        var uploads = api.Services.GetRequiredService<ImportUploadStore>();
        var options = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value;
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        var finished = entries.Where(n => n.Contains("/sleep_result_") || n.Contains("/nightly_recovery_")).ToList();
        // What a replaced revision leaves: the import running on an instance that is gone (its heartbeat two minutes
        // old), two files done (their rows were committed with them; here there are none, so a re-read would show),
        // the ZIP in the database and on no disk this instance can see. Beside it, one another replica is working on
        // (its heartbeat fresh), and one of this instance whose ZIP is stored nowhere.
        HistoryImport Running(string node, DateTimeOffset? heartbeat, int files) => new()
        {
            UserId = userId, Sha256 = node, Node = node, Status = HistoryImportStatus.Running, SizeBytes = zip.Length,
            FilesTotal = files, Attempts = 1, StartedAt = DateTimeOffset.UtcNow.AddMinutes(-10), HeartbeatAt = heartbeat,
        };
        var import = Running("revision-1", DateTimeOffset.UtcNow - ImportProcessor.StaleAfter * 2, entries.Count);
        import.FilesDone = finished.Count;
        var busy = Running("replica-2", DateTimeOffset.UtcNow.AddMinutes(5), entries.Count);
        var gone = Running(options.Node, null, 3);
        var elsewhere = Path.GetTempFileName();
        await File.WriteAllBytesAsync(elsewhere, zip);
        await using (var db = api.Database.CreateDbContext())
        {
            db.Imports.AddRange(import, busy, gone);
            db.ImportFiles.AddRange(finished.Select(n => new HistoryImportFile { UserId = userId, ImportId = import.Id, Name = n, Family = "x", Outcome = HistoryImportFile.Imported }));
            await db.SaveChangesAsync();
            await ImportUploadStore.SaveAsync(db, import, elsewhere, default);
            await ImportUploadStore.SaveAsync(db, busy, elsewhere, default);
        }
        File.Delete(elsewhere);
        Assert.False(File.Exists(uploads.LocalPath(import.Id)));

        // Nobody calls anything: the idle processor takes the stale import over and fails the one with no ZIP.
        using var admin = api.CreateAdminClient();
        var resumed = await ImportSupport.WaitAsync(admin, userId, import.Id);
        var failed = await ImportSupport.WaitAsync(admin, userId, gone.Id);

        Assert.Equal("Succeeded", resumed.GetProperty("status").GetString());
        Assert.Equal(entries.Count, resumed.GetProperty("filesDone").GetInt32());
        Assert.Equal("Failed", failed.GetProperty("status").GetString());
        Assert.Contains("no longer stored", failed.GetProperty("reason").GetString());
        await using var check = api.Database.CreateDbContext();
        Assert.Equal(options.Node, (await check.Imports.SingleAsync(i => i.Id == import.Id)).Node);
        Assert.True(await check.Sleep.AnyAsync(s => s.UserId == userId && s.SleepScore != null)); // files after the break were read
        Assert.False(await check.Sleep.AnyAsync(s => s.UserId == userId && s.LightSleep != null)); // the finished ones were not read again
        Assert.False(await check.NightlyRecharge.AnyAsync(s => s.UserId == userId));
        Assert.False(await check.ImportChunks.AnyAsync(c => c.ImportId == import.Id)); // the ZIP goes when the import ends,
        Assert.False(File.Exists(uploads.LocalPath(import.Id))); // from the database and from this disk
        // The import another replica is working on was left alone.
        var other = await check.Imports.SingleAsync(i => i.Id == busy.Id);
        Assert.Equal((HistoryImportStatus.Running, "replica-2", 1), (other.Status, other.Node, other.Attempts));
        Assert.Equal(Math.Ceiling(zip.Length / (double)(1 << 20)), await check.ImportChunks.CountAsync(c => c.ImportId == busy.Id));
        await check.Imports.Where(i => i.Id == busy.Id).ExecuteDeleteAsync(); // and its chunks with it
        Assert.False(await check.ImportChunks.AnyAsync(c => c.ImportId == busy.Id));
    }
}
