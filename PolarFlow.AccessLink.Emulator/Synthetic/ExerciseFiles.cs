using System.Globalization;
using System.Xml.Linq;

namespace PolarFlow.AccessLink.Emulator.Synthetic;

/// <summary>GPX 1.1 and TCX v2 documents of an exercise (the formats' own schemas and namespaces).</summary>
public static class ExerciseFiles
{
    private static readonly XNamespace GpxNs = "http://www.topografix.com/GPX/1/1";
    private static readonly XNamespace TcxNs = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2";
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static DateTimeOffset Start(SyntheticExercise e) => new(e.LocalStart, TimeSpan.FromMinutes(e.UtcOffsetMinutes));
    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Inv);

    public static string Gpx(SyntheticExercise e)
    {
        var start = Start(e);
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(GpxNs + "gpx", new XAttribute("version", "1.1"), new XAttribute("creator", "Polar AccessLink emulator (synthetic data)"),
                new XElement(GpxNs + "metadata", new XElement(GpxNs + "time", Time(start))),
                new XElement(GpxNs + "trk", new XElement(GpxNs + "name", e.Sport), new XElement(GpxNs + "trkseg",
                    (e.Route ?? []).Select(p => new XElement(GpxNs + "trkpt",
                        new XAttribute("lat", p.Latitude.ToString(Inv)), new XAttribute("lon", p.Longitude.ToString(Inv)),
                        new XElement(GpxNs + "time", Time(start.AddSeconds(p.SecondsFromStart)))))))));
        return doc.Declaration + "\n" + doc.Root;
    }

    public static string Tcx(SyntheticExercise e)
    {
        var start = Start(e);
        var sport = e.Sport switch { "RUNNING" => "Running", "CYCLING" => "Biking", _ => "Other" };
        var points = e.HeartRateSamples.Select((hr, i) =>
        {
            var route = e.Route?.ElementAtOrDefault(i / 2);
            return new XElement(TcxNs + "Trackpoint",
                new XElement(TcxNs + "Time", Time(start.AddSeconds(i * e.RecordingRate))),
                route is null ? null : new XElement(TcxNs + "Position",
                    new XElement(TcxNs + "LatitudeDegrees", route.Latitude.ToString(Inv)), new XElement(TcxNs + "LongitudeDegrees", route.Longitude.ToString(Inv))),
                new XElement(TcxNs + "HeartRateBpm", new XElement(TcxNs + "Value", hr)));
        });
        var doc = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(TcxNs + "TrainingCenterDatabase",
                new XElement(TcxNs + "Activities", new XElement(TcxNs + "Activity", new XAttribute("Sport", sport),
                    new XElement(TcxNs + "Id", Time(start)),
                    new XElement(TcxNs + "Lap", new XAttribute("StartTime", Time(start)),
                        new XElement(TcxNs + "TotalTimeSeconds", e.Duration.TotalSeconds.ToString(Inv)),
                        new XElement(TcxNs + "DistanceMeters", (e.Distance ?? 0).ToString(Inv)),
                        new XElement(TcxNs + "Calories", e.Calories),
                        new XElement(TcxNs + "AverageHeartRateBpm", new XElement(TcxNs + "Value", e.AverageHr)),
                        new XElement(TcxNs + "MaximumHeartRateBpm", new XElement(TcxNs + "Value", e.MaximumHr)),
                        new XElement(TcxNs + "Intensity", "Active"),
                        new XElement(TcxNs + "TriggerMethod", "Manual"),
                        new XElement(TcxNs + "Track", points))))));
        return doc.Declaration + "\n" + doc.Root;
    }
}
