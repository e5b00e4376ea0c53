using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>An athlete with four months of life: Polar's window holds the last month, the export all of it.</summary>
public sealed class ArchiveApiFactory() : ApiFactory(historyDays: 120);

/// <summary>
/// The whole account as one ZIP, and back: a user synced and imported (both sources) is archived, deleted, and
/// restored into an empty PolarFlow with every row and file as it was, byte for byte.
/// </summary>
public sealed class AccountArchiveTests(ArchiveApiFactory api) : IClassFixture<ArchiveApiFactory>
{
    private async Task<string> SyncedAndImportedAsync(string userId)
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 25);
        await using (var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N")))
        {
            await worker.ConnectAsync(polar, userId);
            await worker.EnqueueAsync(userId);
            await worker.DrainAsync();
        }
        await using (var db = api.Database.CreateDbContext())
        {
            // As the connect flow records it from Polar's user object (the harness connects without it).
            await db.Users.Where(u => u.UserId == userId).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.PolarRegistrationDate, DateTimeOffset.UtcNow.AddDays(-25).Date)
                .SetProperty(u => u.Raw, $$"""{"polar-user-id": {{polar.PolarUserId}}}"""));
        }
        using var admin = api.CreateAdminClient();
        var import = await ImportSupport.ImportAsync(admin, userId, await ImportSupport.ExportAsync(api.Emulator, polar.PolarUserId, "mixed"));
        Assert.Equal("Succeeded", import.GetProperty("status").GetString());
        return userId;
    }

    private static async Task<byte[]> ArchiveAsync(HttpClient client, string userId)
    {
        var response = await client.GetAsync($"/api/v1/users/{userId}/export/archive.zip");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task AnArchivedUserIsRestoredIntoAnEmptyPolarFlowWithEveryRowAndFileAndASecondImportChangesNothing()
    {
        var userId = await SyncedAndImportedAsync("archived-" + Guid.NewGuid().ToString("N")[..6]);
        var before = await TableSnapshot.WholeRowsAsync(api.Database.ConnectionString, userId);
        Assert.True(before["exercise_files"].Rows > 0 && before["exercise_file_contents"].Rows > 0, "no files to archive");
        Assert.All(before, t => Assert.True(t.Value.Rows > 0, $"{t.Key} is empty: its round trip is not tested"));
        long registered;
        await using (var db = api.Database.CreateDbContext())
        {
            Assert.Contains(await db.Exercises.Select(e => e.Source).Distinct().ToListAsync(), s => s == RecordSources.Export);
            registered = (await db.Users.SingleAsync(u => u.UserId == userId)).PolarRegistrationDate!.Value.ToUnixTimeSeconds();
        }

        using var admin = api.CreateAdminClient();
        var archive = await ArchiveAsync(admin, userId);

        // What a person finds inside: the manifest's counts are the tables', a README, the CSVs, the files, today's analytics.
        using (var zip = new ZipArchive(new MemoryStream(archive)))
        {
            var manifest = JsonDocument.Parse(Text(zip, "manifest.json")).RootElement;
            Assert.Equal("polarflow-archive", manifest.GetProperty("format").GetString());
            Assert.Equal(1, manifest.GetProperty("schemaVersion").GetInt32());
            foreach (var (table, (rows, _)) in before)
            {
                if (table == "exercise_file_contents") continue; // the bytes are the files/ entries
                var info = manifest.GetProperty("tables").GetProperty(table);
                Assert.True(rows == info.GetProperty("rows").GetInt64(), $"{table}: manifest says {info.GetProperty("rows")}, the table holds {rows}");
                Assert.Equal(rows, Text(zip, $"data/{table}.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }
            var sleep = manifest.GetProperty("tables").GetProperty("sleep");
            Assert.True(DateOnly.Parse(sleep.GetProperty("from").GetString()!) < DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-90)), "the export's history is missing");
            Assert.Equal(before["exercise_file_contents"].Rows, zip.Entries.Count(e => e.FullName.StartsWith("files/")));
            Assert.Equal(before["exercise_file_contents"].Rows, manifest.GetProperty("files").GetProperty("count").GetInt32());
            Assert.Equal(before["sleep"].Rows + 1, Text(zip, "csv/sleep.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            Assert.Contains("data/{table}.jsonl", Text(zip, "README.md"));
            Assert.Equal(userId, JsonDocument.Parse(Text(zip, "analytics/summary.json")).RootElement.GetProperty("userId").GetString());
            Assert.Equal(8, manifest.GetProperty("analytics").GetArrayLength());
            var user = Text(zip, "user.json");
            Assert.DoesNotContain("token", user, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/{userId}")).StatusCode);
        Assert.All(await TableSnapshot.WholeRowsAsync(api.Database.ConnectionString, userId), t => Assert.Equal(0, t.Value.Rows));

        // Another server, empty: the user is created there and the archive uploaded as an import.
        await using var target = new ApiFactory();
        await target.InitializeAsync();
        using var there = target.CreateAdminClient();
        Assert.Equal(HttpStatusCode.Created, (await there.PostAsJsonAsync("/api/v1/users", new { userId })).StatusCode);
        var restored = await ImportSupport.ImportAsync(there, userId, archive);
        Assert.True(restored.GetProperty("status").GetString() == "Succeeded", restored.ToString());
        Assert.Equal(before, await TableSnapshot.WholeRowsAsync(target.Database.ConnectionString, userId));
        await using (var db = target.Database.CreateDbContext())
        {
            Assert.Equal(registered, (await db.Users.SingleAsync(u => u.UserId == userId)).PolarRegistrationDate!.Value.ToUnixTimeSeconds());
        }
        var version = (await there.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}")).GetProperty("dataVersion").GetInt64();

        // Once more: every record is read again and none changes; the data version stays.
        var again = await ImportSupport.ImportAsync(there, userId, archive);
        Assert.Equal("Succeeded", again.GetProperty("status").GetString());
        var records = again.GetProperty("records").EnumerateObject().ToList();
        Assert.Contains(records, r => r.Name == "exercise_file_contents" && r.Value.GetProperty("read").GetInt32() > 0);
        Assert.All(records, r => Assert.True(r.Value.GetProperty("changed").GetInt32() == 0, $"{r.Name} changed on the second import"));
        Assert.Equal(before, await TableSnapshot.WholeRowsAsync(target.Database.ConnectionString, userId));
        Assert.Equal(version, (await there.GetFromJsonAsync<JsonElement>($"/api/v1/users/{userId}")).GetProperty("dataVersion").GetInt64());
    }

    [Fact]
    public async Task ACorruptOrForeignArchiveIsRefusedWithAReasonAndChangesNothing()
    {
        var source = await SyncedAndImportedAsync("source-" + Guid.NewGuid().ToString("N")[..6]);
        using var admin = api.CreateAdminClient();
        var archive = await ArchiveAsync(admin, source);
        var userId = "target-" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", new { userId })).StatusCode);

        byte[] Change(string entry, Func<byte[], byte[]?> change) => ImportSupport.Rewrite(archive, (name, content) => name == entry ? change(content!) : content);
        string FirstFile() { using var zip = new ZipArchive(new MemoryStream(archive)); return zip.Entries.First(e => e.FullName.StartsWith("files/")).FullName; }
        var cases = new (string Name, byte[] Zip, string Says)[]
        {
            ("a file's bytes changed", Change(FirstFile(), b => [.. b[..^1], (byte)(b[^1] ^ 0xFF)]), "SHA-256"),
            ("a file missing", Change(FirstFile(), _ => null), "lacks"),
            ("a row cut in half", Change("data/sleep.jsonl", b => b[..(b.Length / 2)]), "sleep.jsonl"),
            ("a row missing", Change("data/sleep.jsonl", b => Encoding.UTF8.GetBytes(string.Join('\n', Encoding.UTF8.GetString(b).Split('\n').Skip(1)))), "manifest says"),
            ("a newer schema", Change("manifest.json", b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 9"))), "schema version 9"),
            ("another tool's manifest", Change("manifest.json", _ => """{"format":"strava-bulk","tables":{}}"""u8.ToArray()), "not a PolarFlow archive"),
            ("the ZIP cut off", archive[..(archive.Length / 2)], "not a ZIP"),
        };
        foreach (var (name, zip, says) in cases)
        {
            var response = await ImportSupport.UploadAsync(admin, userId, zip);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.True(body.Contains(says, StringComparison.Ordinal), $"{name}: {body}");
        }
        await using var db = api.Database.CreateDbContext();
        Assert.False(await db.Imports.AnyAsync(i => i.UserId == userId));
        Assert.All(await TableSnapshot.WholeRowsAsync(api.Database.ConnectionString, userId), t => Assert.Equal(0, t.Value.Rows));
    }

    [Fact]
    public async Task AClientThatDisconnectsMidDownloadLeavesTheServerServingTheNext()
    {
        await using var server = new ApiFactory();
        await server.InitializeAsync();
        server.UseKestrel(0);
        server.StartServer();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var polar = await server.Emulator.CreateUserAsync(registeredDaysAgo: 25);
        await using (var worker = new SyncHarness(server.Emulator, server.Database, Guid.NewGuid().ToString("N")))
        {
            await worker.ConnectAsync(polar, "leaver");
            await worker.EnqueueAsync("leaver");
            await worker.DrainAsync();
        }
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        http.DefaultRequestHeaders.Add("X-API-Key", ApiFactory.AdminKey);
        var whole = await ArchiveAsync(http, "leaver");

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync("/api/v1/users/leaver/export/archive.zip", HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Content.Headers.ContentLength); // streamed as it is written: its length is not known before
            await using var body = await response.Content.ReadAsStreamAsync();
            var buffer = new byte[16 * 1024];
            Assert.True(await body.ReadAtLeastAsync(buffer, buffer.Length) == buffer.Length);
        } // disposed unread: the connection is dropped mid-archive

        // The next download is whole (its times differ, so its entries are compared, not its bytes).
        static List<string> Entries(byte[] zip) => [.. new ZipArchive(new MemoryStream(zip)).Entries.Select(e => e.FullName)];
        Assert.Equal(Entries(whole), Entries(await ArchiveAsync(http, "leaver")));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }
}
