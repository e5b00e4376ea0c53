namespace PolarFlow.Data.Files;

/// <summary>The exercise file formats PolarFlow keeps, with the content type each is served as.</summary>
public static class ExerciseFileFormats
{
    public const string Fit = "fit";
    public const string Tcx = "tcx";
    public const string Gpx = "gpx";
    public const string Csv = "csv";

    /// <summary>The files AccessLink serves for every exercise (`/v3/exercises/{id}/fit|tcx|gpx`).</summary>
    public static readonly IReadOnlyList<string> AccessLink = [Fit, Tcx, Gpx];

    public static readonly IReadOnlyList<string> All = [Fit, Tcx, Gpx, Csv];

    public static string ContentType(string format) => format switch
    {
        Fit => "application/vnd.ant.fit",
        Tcx => "application/vnd.garmin.tcx+xml",
        Gpx => "application/gpx+xml",
        Csv => "text/csv",
        _ => "application/octet-stream",
    };
}
