using System.Globalization;
using System.Text.Json;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.AccessLink;

/// <summary>
/// The emulator's synthetic athlete is coherent, checked on its ground truth (all days, in Polar's JSON) with
/// arithmetic done here, independently of how the emulator generated it.
/// </summary>
public sealed class SyntheticAthleteTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    [Fact]
    public async Task SleepStageSecondsAddUpToTheHypnogram()
    {
        var truth = await TruthAsync();

        foreach (var night in truth.GetProperty("sleep").EnumerateArray())
        {
            var start = DateTimeOffset.Parse(night.GetProperty("sleep_start_time").GetString()!, CultureInfo.InvariantCulture);
            var end = DateTimeOffset.Parse(night.GetProperty("sleep_end_time").GetString()!, CultureInfo.InvariantCulture);
            // Walk the hypnogram: each key starts a stage that lasts until the next key (or the end of sleep).
            var changes = night.GetProperty("hypnogram").EnumerateObject()
                .Select(p => (Minute: MinutesAfter(start, p.Name), Stage: p.Value.GetInt32())).ToList();
            var seconds = new Dictionary<int, int>();
            for (var i = 0; i < changes.Count; i++)
            {
                var until = i + 1 < changes.Count ? changes[i + 1].Minute : (int)(end - start).TotalMinutes;
                seconds[changes[i].Stage] = seconds.GetValueOrDefault(changes[i].Stage) + (until - changes[i].Minute) * 60;
            }

            var date = night.GetProperty("date").GetString();
            Assert.True(seconds.GetValueOrDefault(2) + seconds.GetValueOrDefault(3) == night.GetProperty("light_sleep").GetInt32(), $"light sleep on {date}");
            Assert.Equal(seconds.GetValueOrDefault(4), night.GetProperty("deep_sleep").GetInt32());
            Assert.Equal(seconds.GetValueOrDefault(1), night.GetProperty("rem_sleep").GetInt32());
            Assert.Equal(seconds.GetValueOrDefault(5), night.GetProperty("unrecognized_sleep_stage").GetInt32());
            Assert.Equal(seconds.GetValueOrDefault(0), night.GetProperty("total_interruption_duration").GetInt32());
            Assert.Equal((int)(end - start).TotalSeconds, seconds.Values.Sum());
            Assert.Equal(night.GetProperty("total_interruption_duration").GetInt32(),
                night.GetProperty("short_interruption_duration").GetInt32() + night.GetProperty("long_interruption_duration").GetInt32());
        }
    }

    [Fact]
    public async Task DailyStepsEqualTheSumOfTheStepSamples()
    {
        var truth = await TruthAsync();
        var steps = truth.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("steps").GetInt32()).ToList();
        var samples = truth.GetProperty("activity_samples").EnumerateArray().ToList();

        Assert.Equal(steps.Count, samples.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var stepSamples = samples[i].GetProperty("steps");
            // Polar drops a sample that repeats the one before; the generator only repeats zeros, so the sum holds.
            Assert.Equal(steps[i], stepSamples.GetProperty("samples").EnumerateArray().Sum(s => s.GetProperty("steps").GetInt32()));
            Assert.Equal(steps[i], stepSamples.GetProperty("total_steps").GetInt32());
        }
        Assert.InRange(steps.Average(), 5000, 15000);
    }

    [Fact]
    public async Task CardioLoadIsTheSumOfEachDaysSessionsAndStrainIsTheSevenDayMean()
    {
        var truth = await TruthAsync();
        var sessions = truth.GetProperty("exercises").EnumerateArray()
            .GroupBy(e => e.GetProperty("training_load_pro").GetProperty("date").GetString()!)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.GetProperty("training_load_pro").GetProperty("cardio-load").GetDouble()));
        var days = truth.GetProperty("cardio_load").EnumerateArray().ToList();

        var checkedDays = 0;
        foreach (var day in days.Where(d => d.GetProperty("cardio_load").GetDouble() >= 0))
        {
            Assert.Equal(Math.Round(sessions.GetValueOrDefault(day.GetProperty("date").GetString()!), 1), day.GetProperty("cardio_load").GetDouble(), 1);
            checkedDays++;
        }
        Assert.True(checkedDays > 150, $"{checkedDays} days with a load");
        Assert.True(sessions.Count > 60, "the athlete trains several times a week");

        // Strain is the mean daily load of the last 7 days (Polar's definition), recomputed here.
        var loads = days.Select(d => Math.Max(0, d.GetProperty("cardio_load").GetDouble())).ToList();
        for (var i = 30; i < days.Count; i++)
        {
            Assert.Equal(Math.Round(loads.Skip(i - 6).Take(7).Average(), 1), days[i].GetProperty("strain").GetDouble(), 1);
        }
    }

    [Fact]
    public async Task TheIllnessEpisodeShowsInRestingHeartRateAndHrv()
    {
        var truth = await TruthAsync();
        var illStart = DateOnly.Parse(truth.GetProperty("illness_start").GetString()!, CultureInfo.InvariantCulture);
        var nights = truth.GetProperty("nightly_recharge").EnumerateArray()
            .Select(r => (Date: DateOnly.Parse(r.GetProperty("date").GetString()!, CultureInfo.InvariantCulture),
                Rhr: r.GetProperty("heart_rate_avg").GetDouble(), Hrv: r.GetProperty("heart_rate_variability_avg").GetDouble()))
            .ToList();

        var ill = nights.Where(n => n.Date >= illStart && n.Date < illStart.AddDays(truth.GetProperty("illness_nights").GetInt32())).ToList();
        var before = nights.Where(n => n.Date >= illStart.AddDays(-21) && n.Date < illStart).ToList();

        Assert.Equal(5, ill.Count);
        Assert.True(ill.Average(n => n.Rhr) >= before.Average(n => n.Rhr) + 4, $"RHR ill {ill.Average(n => n.Rhr):F1} vs before {before.Average(n => n.Rhr):F1}");
        Assert.True(ill.Average(n => n.Hrv) <= before.Average(n => n.Hrv) * 0.8, $"HRV ill {ill.Average(n => n.Hrv):F1} vs before {before.Average(n => n.Hrv):F1}");
        var illDates = ill.Select(n => n.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        Assert.DoesNotContain(truth.GetProperty("exercises").EnumerateArray(), e => illDates.Contains(e.GetProperty("training_load_pro").GetProperty("date").GetString()!));
    }

    [Fact]
    public async Task TheSameUserIdAndSeedGiveTheSameLife()
    {
        var user = await emulator.CreateUserAsync();
        await using var other = new EmulatorFactory();
        using (var admin = other.CreateClient())
        {
            (await admin.PostAsync("/admin/users", System.Net.Http.Json.JsonContent.Create(new { PolarUserId = user.PolarUserId }))).EnsureSuccessStatusCode();
        }

        var first = await emulator.TruthAsync(user.PolarUserId);
        var second = await other.TruthAsync(user.PolarUserId);

        Assert.Equal(first.GetProperty("sleep").GetRawText(), second.GetProperty("sleep").GetRawText());
        Assert.Equal(first.GetProperty("exercises").GetRawText(), second.GetProperty("exercises").GetRawText());
    }

    private async Task<JsonElement> TruthAsync() => await emulator.TruthAsync((await emulator.CreateUserAsync()).PolarUserId);

    private static int MinutesAfter(DateTimeOffset start, string hhmm)
    {
        var time = TimeOnly.ParseExact(hhmm, "HH:mm", CultureInfo.InvariantCulture);
        var minutes = (int)(time.ToTimeSpan() - new TimeSpan(start.Hour, start.Minute, 0)).TotalMinutes;
        return minutes < 0 ? minutes + 1440 : minutes;
    }
}
