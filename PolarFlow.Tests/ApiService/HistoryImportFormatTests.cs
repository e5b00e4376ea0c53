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
}
