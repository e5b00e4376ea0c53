using System.Text;
using System.Text.Json;
using PolarFlow.ApiService.Imports.Parsing;

namespace PolarFlow.Tests.Imports;

/// <summary>The export's reading rules: NaN handling, file families, and the parsers' mapping on small hand-written files.</summary>
public sealed class ExportParsingTests
{
    /// <summary>Hands the filter one byte per read, so every token is split across reads.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }

    private static string Filter(string json, bool trickle)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var filter = new NaNFilterStream(trickle ? new Trickle(bytes) : new MemoryStream(bytes));
        using var reader = new StreamReader(filter);
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BareNaNBecomesNullAndNothingElseChanges(bool trickle)
    {
        const string json = """{"values":[1,NaN, NaN ,2,"NaN"],"note":"BaNaNa \"NaN\" N","N":NaN,"x":"\\","y":[Na]}""";

        var filtered = Filter(json, trickle);

        Assert.Equal("""{"values":[1,null, null ,2,"NaN"],"note":"BaNaNa \"NaN\" N","N":null,"x":"\\","y":[Na]}""", filtered);
    }

    [Fact]
    public void BareAndQuotedNaNInSamplesAreBothGaps()
    {
        const string session = """
            {"identifier":{"id":"42"},"startTime":"2024-03-05T18:10:00.000","timezoneOffsetMinutes":120,"durationMillis":3600000,"hrAvg":140,
             "sport":{"id":"1"},"trainingLoadReport":{"cardioLoad":61.5,"muscleLoad":-1},
             "exercises":[{"samples":{"samples":[{"type":"HEART_RATE","intervalMillis":1000,"values":[120,NaN,"NaN",121.5]}]}}]}
            """;
        using var doc = JsonDocument.Parse(Filter(session, trickle: false));
        var records = new ExportRecords();

        TrainingSessionParser.Parse("u", doc.RootElement, records);

        var exercise = Assert.Single(records.Exercises);
        Assert.Equal(("export-42", "RUNNING", 61.5, (double?)null, 120), (exercise.ExerciseId, exercise.Sport, exercise.CardioLoad!.Value, exercise.MuscleLoad, exercise.StartTimeUtcOffsetMinutes!.Value));
        Assert.Equal(TimeSpan.FromHours(1), exercise.Duration);
        var samples = Assert.Single(records.ExerciseSamples);
        Assert.Equal((0, 1, "120,null,null,121.5"), (samples.SampleType, samples.RecordingRate!.Value, samples.Data));
    }

    [Fact]
    public void AnOldGenerationSessionIsToldApartByItsContent()
    {
        const string session = """
            {"exportVersion":"1.6","startTime":"2016-05-03T07:00:00.000","timeZoneOffset":180,"duration":"PT45M30S","kiloCalories":500,
             "loadInformation":{"cardioLoad":40.0},"exercises":[{"sport":"CYCLING","heartRate":{"avg":130,"max":160},
             "samples":{"heartRate":[{"dateTime":"2016-05-03T07:00:00.000","value":100},{"dateTime":"2016-05-03T07:00:05.000","value":"NaN"}]}}]}
            """;
        using var doc = JsonDocument.Parse(session);
        var records = new ExportRecords();

        TrainingSessionParser.Parse("u", doc.RootElement, records);

        var exercise = Assert.Single(records.Exercises);
        // No id in the old generation: the provisional id is the UTC start (07:00 at +03:00 is 04:00 UTC).
        Assert.Equal(("export-20160503T040000", "CYCLING", 130, 160), (exercise.ExerciseId, exercise.Sport, exercise.HeartRateAverage!.Value, exercise.HeartRateMaximum!.Value));
        Assert.Equal(new TimeSpan(0, 45, 30), exercise.Duration);
        Assert.Equal((5, "100,null"), (records.ExerciseSamples[0].RecordingRate!.Value, records.ExerciseSamples[0].Data));
    }

    [Fact]
    public void SleepStatesBecomeAccessLinksHypnogramAndRecoveryIntervalsBecomeRates()
    {
        const string result = """
            {"night":"2024-03-06","evaluation":{"phaseDurations":{"light":"PT4H","deep":"PT1H30M","rem":"PT1H","unknown":"PT0S"}},
             "sleepResult":{"hypnogram":{"sleepStart":"2024-03-05T23:50:00.000+02:00","sleepEnd":"2024-03-06T07:00:00.000+02:00","sleepGoal":"PT8H",
             "sleepStateChanges":[{"offsetFromStart":"PT0S","state":"NONREM1"},{"offsetFromStart":"PT20M","state":"NONREM3"},{"offsetFromStart":"PT7H","state":"WAKE"}]}}}
            """;
        const string recovery = """{"night":"2024-03-06","meanNightlyRecoveryRri":1200,"meanNightlyRecoveryRmssd":48,"meanNightlyRecoveryRespirationInterval":4000}""";

        var night = SleepParsers.Result("u", JsonDocument.Parse(result).RootElement);
        var recharge = SleepParsers.Recovery("u", JsonDocument.Parse(recovery).RootElement);

        Assert.Equal("""{"23:50":2,"00:10":4,"06:50":0}""", night.Hypnogram);
        Assert.Equal((14400, 5400, 3600, 28800, 120), (night.LightSleep!.Value, night.DeepSleep!.Value, night.RemSleep!.Value, night.SleepGoal!.Value, night.SleepStartOffsetMinutes!.Value));
        // 60000 / 1200 ms = 50 bpm; 60000 / 4000 ms a breath = 15 breaths a minute.
        Assert.Equal((50, 48, 15.0), (recharge.HeartRateAvg!.Value, recharge.HeartRateVariabilityAvg!.Value, recharge.BreathingRateAvg!.Value));
    }

    [Theory]
    [InlineData("polar-user-data-export_1/training-session_2025-08-16T17-12-22_123-0e3c.json", "training_session", true)]
    [InlineData("training-session-2015-12-25-7-0e3c.json", "training_session", true)]
    [InlineData("x/activity-2014-10-27-0e3c.json", "activity", true)]
    [InlineData("247ohr_2017_10-0e3c.json", "heart_rate_247", true)]
    [InlineData("sleep_result_123-0e3c.json", "sleep_result", true)]
    [InlineData("sleep_score_123-0e3c.json", "sleep_score", true)]
    [InlineData("nightly_recovery_123-0e3c.json", "nightly_recovery", true)]
    [InlineData("nightly_recovery_blob_123-0e3c.json", "nightly_recovery_blob", false)]
    [InlineData("ppi_samples_2020_01_1-0e3c.json", "ppi", false)]
    [InlineData("account-profile-0e3c.json", "account", false)]
    [InlineData("holiday.jpg", "unknown", false)]
    public void FilesAreClassifiedByName(string name, string family, bool read)
    {
        var (actual, skip) = ExportFamilies.Classify(name);

        Assert.Equal((family, read), (actual, skip is null));
    }
}
