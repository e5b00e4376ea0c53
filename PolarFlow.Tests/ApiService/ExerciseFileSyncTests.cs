using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.Data.Entities;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.ApiService;

/// <summary>
/// The sync keeps every exercise's original FIT, TCX and GPX, fetched once each; the API serves them byte for byte.
/// The FIT is judged by Garmin's own SDK, and its session totals against the exercise the sync stored from the JSON.
/// </summary>
public sealed class ExerciseFileSyncTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private const string Fit = "GET /v3/exercises/{exerciseId}/fit", Tcx = "GET /v3/exercises/{exerciseId}/tcx", Gpx = "GET /v3/exercises/{exerciseId}/gpx";

    /// <summary>
    /// These tests share one emulator, so one Polar window: each starts with a roomy, fresh one, so that files wait
    /// for budget only where a test sets the reserve to say so.
    /// </summary>
    public Task InitializeAsync() =>
        api.Emulator.AdminAsync(HttpMethod.Put, "/admin/settings", new { ShortWindowBaseLimit = 100_000 });

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(EmulatorFactory.TestUser Polar, string UserId, SyncHarness Worker)> SyncedAsync()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        var worker = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        var userId = await worker.ConnectAsync(polar);
        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();
        return (polar, userId, worker);
    }

    [Fact]
    public async Task EveryExercisesFitDecodesWithGarminsSdkToTheTotalsOfTheStoredExercise()
    {
        var (_, userId, worker) = await SyncedAsync();
        await using var _ = worker;
        using var client = api.CreateAdminClient();
        await using var db = api.Database.CreateDbContext();
        var exercises = await db.Exercises.AsNoTracking().Where(e => e.UserId == userId).ToListAsync();
        Assert.True(exercises.Count >= 10, $"only {exercises.Count} exercises");

        foreach (var sport in exercises.GroupBy(e => e.Sport))
        {
            var stored = sport.First();
            var path = $"/api/v1/users/{userId}/exercises/{stored.ExerciseId}";
            var detail = await client.GetFromJsonAsync<JsonElement>(path);
            var files = detail.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("format").GetString()!);
            Assert.Equal(["fit", "gpx", "tcx"], files.Keys.Order());

            var response = await client.GetAsync(files["fit"].GetProperty("url").GetString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vnd.ant.fit", response.Content.Headers.ContentType!.MediaType);
            var fit = await response.Content.ReadAsByteArrayAsync();
            var sha = Convert.ToHexStringLower(SHA256.HashData(fit));
            Assert.Equal(sha, files["fit"].GetProperty("sha256").GetString());
            Assert.Equal($"\"{sha}\"", response.Headers.ETag!.Tag);
            Assert.Equal(fit.Length, files["fit"].GetProperty("sizeBytes").GetInt64());

            var decoded = await FitDecoder.DecodeAsync(fit);
            Assert.True(decoded.GetProperty("integrity").GetBoolean(), "CRC check failed");
            Assert.Empty(decoded.GetProperty("errors").EnumerateArray());
            var session = decoded.GetProperty("sessions")[0];
            Assert.Equal(stored.HeartRateAverage, session.GetProperty("avgHeartRate").GetInt32());
            Assert.Equal(stored.HeartRateMaximum, session.GetProperty("maxHeartRate").GetInt32());
            Assert.Equal(stored.Calories, session.GetProperty("totalCalories").GetInt32());
            Assert.Equal(stored.Duration!.Value.TotalSeconds, session.GetProperty("totalTimerTime").GetDouble(), 0);
            Assert.Equal(stored.Distance ?? 0, session.GetProperty("totalDistance").GetDouble(), 0); // FIT keeps centimetres

            var gpx = files["gpx"];
            if (stored.HasRoute == true)
            {
                Assert.Equal("application/gpx+xml", (await client.GetAsync(gpx.GetProperty("url").GetString())).Content.Headers.ContentType!.MediaType);
            }
            else
            {
                Assert.Equal("absent", gpx.GetProperty("status").GetString());
                var missing = await client.GetAsync(path + "/gpx");
                Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
                Assert.Contains("GPS", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
            }
        }
    }

    [Fact]
    public async Task AFileIsServedInRangesAndNotSentAgainToAClientThatHasIt()
    {
        var (_, userId, worker) = await SyncedAsync();
        await using var _ = worker;
        using var client = api.CreateAdminClient();
        await using var db = api.Database.CreateDbContext();
        var run = await db.Exercises.AsNoTracking().FirstAsync(e => e.UserId == userId && e.HasRoute == true);
        var url = $"/api/v1/users/{userId}/exercises/{run.ExerciseId}/tcx";
        var whole = await client.GetAsync(url);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 2000, $"{bytes.Length} bytes");
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());

        using var range = new HttpRequestMessage(HttpMethod.Get, url);
        range.Headers.Range = new RangeHeaderValue(1000, 1999);
        var part = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(bytes[1000..2000], await part.Content.ReadAsByteArrayAsync());
        Assert.Equal(bytes.Length, part.Content.Headers.ContentRange!.Length);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(whole.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/users/{userId}/exercises/no-such-id/fit")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url + "?source=strava")).StatusCode);
    }

    [Fact]
    public async Task FilesAreFetchedOnceEachAndAGpxIsNotAskedForWhereThereIsNoRoute()
    {
        var (polar, userId, worker) = await SyncedAsync();
        await using var _ = worker;
        await using var db = api.Database.CreateDbContext();
        var exercises = await db.Exercises.CountAsync(e => e.UserId == userId);
        var absent = await db.ExerciseFiles.CountAsync(f => f.UserId == userId && f.Status == ExerciseFileStatus.Absent);
        Assert.True(absent > 0, "every exercise had GPS: the absent case is not tested");
        var first = await api.Emulator.CallsAsync(polar.PolarUserId);
        // A session Polar lists without a route has no GPX: recorded absent without asking (Polar would answer 204).
        Assert.Equal([exercises, exercises, exercises - absent], new[] { first[Fit], first[Tcx], first[Gpx] });

        for (var i = 0; i < 2; i++)
        {
            await worker.EnqueueAsync(userId);
            await worker.DrainAsync();
        }

        var later = await api.Emulator.CallsAsync(polar.PolarUserId);
        Assert.Equal(new[] { first[Fit], first[Tcx], first[Gpx] }, new[] { later[Fit], later[Tcx], later[Gpx] });
        Assert.True(later["GET /v3/exercises"] > first["GET /v3/exercises"], "the later syncs did not run");
        Assert.Equal(absent, await db.ExerciseFiles.CountAsync(f => f.UserId == userId && f.Status == ExerciseFileStatus.Absent));
    }

    [Fact]
    public async Task AnExerciseStoredWithoutFilesGetsThemWhilePolarStillListsIt()
    {
        var (polar, userId, worker) = await SyncedAsync();
        await using var _ = worker;
        await using var db = api.Database.CreateDbContext();
        // As a server that synced before files were kept left it: exercises, and no files.
        await db.ExerciseFileContents.Where(c => c.UserId == userId).ExecuteDeleteAsync();
        await db.ExerciseFiles.Where(f => f.UserId == userId).ExecuteDeleteAsync();
        var before = await api.Emulator.CallsAsync(polar.PolarUserId);

        await worker.EnqueueAsync(userId);
        await worker.DrainAsync();

        var exercises = await db.Exercises.CountAsync(e => e.UserId == userId);
        var after = await api.Emulator.CallsAsync(polar.PolarUserId);
        Assert.Equal(exercises, after[Fit] - before[Fit]);
        Assert.Equal(3 * exercises, await db.ExerciseFiles.CountAsync(f => f.UserId == userId));
        Assert.Equal(before["GET /v3/exercises/{exerciseId}"], after["GET /v3/exercises/{exerciseId}"]); // the exercises themselves are not fetched again
    }

    /// <summary>
    /// A first sync with more exercises than spare budget (the dashboard's demo athlete has 300) stores the data and
    /// leaves the files for later, instead of spending the window and waiting 15 minutes with nothing stored.
    /// </summary>
    [Fact]
    public async Task FilesWaitForSpareBudgetSoTheDataComesFirstAndALaterSyncFetchesThem()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        // Files only while the whole window is left: after the sync's first call, none.
        await using var tight = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"),
            s => s["Sync:ExerciseFileReserve"] = "1");
        var userId = await tight.ConnectAsync(polar);
        var job = await tight.EnqueueAsync(userId);
        await tight.DrainAsync();

        await using var db = api.Database.CreateDbContext();
        var done = await db.SyncJobs.AsNoTracking().SingleAsync(j => j.UserId == userId && j.Id == job.Id);
        Assert.Equal(SyncJobStatus.Succeeded, done.Status);
        var exercises = await db.Exercises.CountAsync(e => e.UserId == userId);
        Assert.True(exercises >= 10, $"only {exercises} exercises");
        var step = JsonDocument.Parse(done.StepResults!).RootElement.GetProperty("exercises");
        Assert.Contains($"the files of {exercises} exercises wait", step.GetProperty("deferred").GetString());
        Assert.Equal(0, await db.ExerciseFiles.CountAsync(f => f.UserId == userId));
        var first = await api.Emulator.CallsAsync(polar.PolarUserId);
        Assert.False(first.ContainsKey(Fit), "a file was fetched beyond the reserve");
        using (var client = api.CreateAdminClient())
        {
            var waiting = await db.Exercises.Where(e => e.UserId == userId).Select(e => e.ExerciseId).FirstAsync();
            var notYet = await client.GetAsync($"/api/v1/users/{userId}/exercises/{waiting}/fit");
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
            Assert.Contains("not been fetched from Polar yet", await notYet.Content.ReadAsStringAsync());
        }

        await using var roomy = new SyncHarness(api.Emulator, api.Database, Guid.NewGuid().ToString("N"));
        await roomy.EnqueueAsync(userId);
        await roomy.DrainAsync();

        Assert.Equal(3 * exercises, await db.ExerciseFiles.CountAsync(f => f.UserId == userId));
        var later = await api.Emulator.CallsAsync(polar.PolarUserId);
        Assert.Equal(exercises, later[Fit]);
        Assert.Equal(first["GET /v3/exercises/{exerciseId}"], later["GET /v3/exercises/{exerciseId}"]);
    }

    [Fact]
    public async Task ACutOffOrCorruptedFileIsRefusedSoItIsFetchedAgain()
    {
        var polar = await api.Emulator.CreateUserAsync(registeredDaysAgo: 30);
        var client = api.Emulator.Client();
        var run = (await client.ListExercisesAsync(polar.AccessToken)).First(e => e.HasRoute == true);
        var fit = (await client.GetExerciseFitAsync(polar.AccessToken, run.Id))!;
        var tcx = (await client.GetExerciseTcxAsync(polar.AccessToken, run.Id))!;
        Assert.Null(ExerciseFileCheck.Problem("fit", fit));
        Assert.Null(ExerciseFileCheck.Problem("tcx", tcx));

        Assert.Contains("header says", ExerciseFileCheck.Problem("fit", fit[..(fit.Length / 2)]));
        var flipped = fit.ToArray();
        flipped[fit.Length / 2] ^= 0x10;
        Assert.Contains("CRC", ExerciseFileCheck.Problem("fit", flipped));
        Assert.Contains("not a FIT file", ExerciseFileCheck.Problem("fit", tcx));
        Assert.Contains("XML", ExerciseFileCheck.Problem("tcx", tcx[..(tcx.Length / 2)]));
    }
}
