using System.Text.Json;
using System.Xml.Linq;
using PolarFlow.Tests.Infrastructure;

namespace PolarFlow.Tests.AccessLink;

/// <summary>The emulator's exercise files are what their formats say: Garmin's FIT SDK decodes the FIT file.</summary>
public sealed class ExerciseFileTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    [Theory]
    [InlineData("RUNNING", "running")]
    [InlineData("CYCLING", "cycling")]
    [InlineData("STRENGTH_TRAINING", "training")]
    public async Task GarminsFitSdkDecodesTheFitFileWithEveryRecordAndTheSession(string sport, string fitSport)
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var client = emulator.Client();
        var exercise = (await client.ListExercisesAsync(user.AccessToken)).First(e => e.Sport == sport);
        var full = await client.GetExerciseAsync(user.AccessToken, exercise.Id, samples: true, route: true);
        var fit = await client.GetExerciseFitAsync(user.AccessToken, exercise.Id);

        var decoded = await FitDecoder.DecodeAsync(fit!);

        Assert.True(decoded.GetProperty("isFit").GetBoolean());
        Assert.True(decoded.GetProperty("integrity").GetBoolean(), "CRC check failed");
        Assert.Empty(decoded.GetProperty("errors").EnumerateArray());
        Assert.Equal("activity", decoded.GetProperty("fileType").GetString());
        Assert.Equal(full!.Samples.Single(s => s.SampleType == 0).Values().Count, decoded.GetProperty("records").GetInt32());
        Assert.Equal(full.Route.Count > 0, decoded.GetProperty("recordsWithPosition").GetInt32() > 0);
        var session = decoded.GetProperty("sessions")[0];
        Assert.Equal(fitSport, session.GetProperty("sport").GetString());
        Assert.Equal(exercise.HeartRate!.Average, session.GetProperty("avgHeartRate").GetInt32());
        Assert.Equal(exercise.Duration!.Value.TotalSeconds, session.GetProperty("totalTimerTime").GetDouble(), 0);
        Assert.Equal(1, decoded.GetProperty("activities").GetInt32());
    }

    [Fact]
    public async Task AFitFileWithOneBitFlippedFailsTheSdksIntegrityCheck()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var client = emulator.Client();
        var exercise = (await client.ListExercisesAsync(user.AccessToken))[0];
        var fit = (await client.GetExerciseFitAsync(user.AccessToken, exercise.Id))!;
        fit[fit.Length / 2] ^= 0x01;

        Assert.False((await FitDecoder.DecodeAsync(fit)).GetProperty("integrity").GetBoolean()); // so the passing check above means something
    }

    [Fact]
    public async Task GpxAndTcxAreValidXmlInTheirFormatsNamespaces()
    {
        var user = await emulator.CreateUserAsync(registeredDaysAgo: 30);
        var client = emulator.Client();
        var run = (await client.ListExercisesAsync(user.AccessToken)).First(e => e.Sport == "RUNNING");
        var full = await client.GetExerciseAsync(user.AccessToken, run.Id, samples: true, route: true);

        var gpx = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await client.GetExerciseGpxAsync(user.AccessToken, run.Id))!));
        var tcx = XDocument.Parse(System.Text.Encoding.UTF8.GetString((await client.GetExerciseTcxAsync(user.AccessToken, run.Id))!));

        XNamespace g = "http://www.topografix.com/GPX/1/1", t = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
        Assert.Equal(g + "gpx", gpx.Root!.Name);
        Assert.Equal(full!.Route.Count, gpx.Descendants(g + "trkpt").Count());
        Assert.All(gpx.Descendants(g + "trkpt"), p => Assert.InRange(double.Parse(p.Attribute("lat")!.Value, System.Globalization.CultureInfo.InvariantCulture), 59, 61));
        Assert.Equal(t + "TrainingCenterDatabase", tcx.Root!.Name);
        Assert.Equal("Running", tcx.Descendants(t + "Activity").Single().Attribute("Sport")!.Value);
        Assert.Equal(full.Samples.Single(s => s.SampleType == 0).Values().Count, tcx.Descendants(t + "Trackpoint").Count());
    }
}
