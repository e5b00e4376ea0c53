using System.Xml.Linq;
using PolarFlow.AccessLink;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.AccessLink;

/// <summary>Every per-user data endpoint, through the real client, against the emulator.</summary>
public sealed class ClientDataEndpointTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly AccessLinkClient _client = emulator.Client();

    [Fact]
    public async Task SleepListsTheLast28NightsAndEachNightCanBeFetchedByDate()
    {
        var user = await emulator.CreateUserAsync();

        var nights = await _client.ListSleepAsync(user.AccessToken);
        var available = await _client.ListAvailableSleepAsync(user.AccessToken);
        var last = nights[^1];
        var again = await _client.GetSleepAsync(user.AccessToken, last.Date);

        Assert.InRange(nights.Count, 27, 28);
        Assert.Equal(nights.Select(n => n.Date), available.Select(a => a.Date));
        Assert.NotNull(again);
        Assert.Equal(last.SleepScore, again.SleepScore);
        Assert.NotEmpty(again.Hypnogram);
        var rawStart = again.Raw.GetProperty("sleep_start_time").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0\d:00$", rawStart); // Polar's literal offset, kept in Raw
        Assert.NotEqual(TimeSpan.Zero, again.SleepStartTime!.Value.Offset);
        Assert.Null(await _client.GetSleepAsync(user.AccessToken, last.Date.AddDays(-60))); // outside the window: 404 → null
    }

    [Fact]
    public async Task NightlyRechargeListsAndFetchesByDate()
    {
        var user = await emulator.CreateUserAsync();

        var recharges = await _client.ListNightlyRechargeAsync(user.AccessToken);
        var one = await _client.GetNightlyRechargeAsync(user.AccessToken, recharges[0].Date);

        Assert.InRange(recharges.Count, 27, 28);
        Assert.Equal(recharges[0].HeartRateVariabilityAvg, one!.HeartRateVariabilityAvg);
        Assert.NotEmpty(one.HrvSamples);
        Assert.NotEmpty(one.BreathingSamples);
    }

    [Fact]
    public async Task ActivitiesComeWithSamplesOnRequestAndADayWithoutDataIsNull()
    {
        var user = await emulator.CreateUserAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var days = await _client.ListActivitiesAsync(user.AccessToken);
        var ranged = await _client.ListActivitiesAsync(user.AccessToken, today.AddDays(-100), today.AddDays(-90), steps: true, activityZones: true, inactivityStamps: true);
        var samples = await _client.ListActivitySamplesAsync(user.AccessToken, today.AddDays(-10), today.AddDays(-8));
        var oneDay = await _client.GetActivitySamplesAsync(user.AccessToken, today.AddDays(-9));
        var summary = await _client.GetActivityAsync(user.AccessToken, today.AddDays(-9), steps: true);

        Assert.InRange(days.Count, 27, 28);
        Assert.Equal(11, ranged.Count);
        Assert.All(ranged, d => Assert.NotNull(d.Samples?.Steps));
        Assert.Equal(3, samples.Count);
        Assert.Equal(summary!.Steps, oneDay!.Steps!.TotalSteps);
        Assert.NotEmpty(oneDay.ActivityZones!.Samples);
        Assert.True(summary.ActiveDuration > TimeSpan.Zero);
        Assert.Null(await _client.GetActivityAsync(user.AccessToken, today.AddDays(2))); // 204: nothing for the future
    }

    [Fact]
    public async Task ExercisesComeWithZonesSamplesRouteAndFiles()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 30);

        var list = await _client.ListExercisesAsync(user.AccessToken);
        var run = list.First(e => e.Sport == "RUNNING");
        var full = await _client.GetExerciseAsync(user.AccessToken, run.Id, samples: true, zones: true, route: true);
        var gpx = await _client.GetExerciseGpxAsync(user.AccessToken, run.Id);
        var tcx = await _client.GetExerciseTcxAsync(user.AccessToken, run.Id);
        var fit = await _client.GetExerciseFitAsync(user.AccessToken, run.Id);

        Assert.NotEmpty(list);
        Assert.All(list, e => Assert.Empty(e.Samples));
        Assert.Equal(5, full!.HeartRateZones.Count);
        Assert.Contains(full.Samples, s => s.SampleType == 0 && s.Values().Contains(null)); // Polar's "null" gap
        Assert.NotEmpty(full.Route);
        Assert.NotNull(full.TrainingLoadPro?.CardioLoad);
        Assert.Null(full.TrainingLoadPro!.MuscleLoad); // -1.0 on the wire: not available
        Assert.Equal(48, full.RunningIndex); // `running-index` is kebab-case even here
        Assert.Equal(full.Route.Count, XDocument.Parse(System.Text.Encoding.UTF8.GetString(gpx!)).Descendants(XName.Get("trkpt", "http://www.topografix.com/GPX/1/1")).Count());
        Assert.Equal("TrainingCenterDatabase", XDocument.Parse(System.Text.Encoding.UTF8.GetString(tcx!)).Root!.Name.LocalName);
        Assert.Equal(".FIT", System.Text.Encoding.ASCII.GetString(fit!, 8, 4));
        Assert.Null(await _client.GetExerciseAsync(user.AccessToken, "NoSuchId"));
    }

    [Fact]
    public async Task ExercisesBeforeRegistrationAreNotServed()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 0);

        Assert.Empty(await _client.ListExercisesAsync(user.AccessToken));
    }

    [Fact]
    public async Task ContinuousHeartRateByDateAndRangeReadTheHeartRatesWrapper()
    {
        var user = await emulator.CreateUserAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-5);

        var one = await _client.GetContinuousHeartRateAsync(user.AccessToken, day);
        var range = await _client.ListContinuousHeartRateAsync(user.AccessToken, day.AddDays(-3), day);

        Assert.InRange(one!.HeartRateSamples.Count, 250, 300);
        Assert.Equal(4, range.Count);
        Assert.Equal(one.HeartRateSamples, range[^1].HeartRateSamples);
    }

    [Fact]
    public async Task CardioLoadAnswersAllFiveVariants()
    {
        var user = await emulator.CreateUserAsync();
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);

        var list = await _client.ListCardioLoadAsync(user.AccessToken);
        var one = await _client.GetCardioLoadAsync(user.AccessToken, day);
        var range = await _client.ListCardioLoadAsync(user.AccessToken, day.AddDays(-60), day);
        var days = await _client.ListCardioLoadForDaysAsync(user.AccessToken, 90);
        var months = await _client.ListCardioLoadForMonthsAsync(user.AccessToken, 2);

        Assert.InRange(list.Count, 27, 28);
        Assert.Single(one);
        Assert.Equal(61, range.Count);
        Assert.InRange(days.Count, 89, 90);
        Assert.InRange(months.Count, 58, 62);
        Assert.All(range, d => Assert.NotNull(d.CardioLoadLevel?.VeryHigh));
    }

    [Fact]
    public async Task SleepWiseAndBiosensingListTheirWindowsAndRanges()
    {
        var user = await emulator.CreateUserAsync();
        var to = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        Assert.NotEmpty(await _client.ListAlertnessAsync(user.AccessToken));
        var alertness = await _client.ListAlertnessAsync(user.AccessToken, to.AddDays(-6), to);
        Assert.Equal(7, alertness.Count);
        Assert.Equal(16, alertness[0].HourlyData.Count);
        Assert.Equal(7, (await _client.ListCircadianBedtimeAsync(user.AccessToken, to.AddDays(-6), to)).Count);
        Assert.NotEmpty(await _client.ListCircadianBedtimeAsync(user.AccessToken));
        Assert.NotEmpty(await _client.ListBodyTemperatureAsync(user.AccessToken));
        Assert.Equal(7, (await _client.ListSkinTemperatureAsync(user.AccessToken, to.AddDays(-6), to)).Count);
        Assert.NotEmpty(await _client.ListSkinContactsAsync(user.AccessToken));
        var ecg = await _client.ListEcgAsync(user.AccessToken);
        var spo2 = await _client.ListSpo2Async(user.AccessToken);
        Assert.InRange(ecg.Count, 3, 5); // weekly tests
        Assert.InRange(spo2.Count, 3, 5);
        Assert.True(ecg[0].TestTimeUtc > DateTimeOffset.UtcNow.AddDays(-30));
    }

    [Fact]
    public async Task PhysicalInfoIsTheLatestSnapshot()
    {
        var user = await emulator.CreateUserAsync();

        var info = await _client.GetPhysicalInfoAsync(user.AccessToken);

        Assert.Equal(71.6, info!.Weight);
        Assert.Equal(TimeSpan.FromHours(8), info.SleepGoal);
        Assert.True(info.Modified > info.Created);
    }
}
