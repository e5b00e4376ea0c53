using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace PolarFlow.ApiService.Imports.Parsing;

/// <summary>Reading the export's JSON leniently: missing is unknown (null), `NaN` (bare or quoted) is a gap, durations are ISO 8601.</summary>
public static class ExportJson
{
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"];

    public static JsonElement? Path(this JsonElement e, params string[] names)
    {
        foreach (var name in names)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return null;
        }
        return e.ValueKind == JsonValueKind.Null ? null : e;
    }

    public static string? Str(this JsonElement e, params string[] path) => e.Path(path) is { } v ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText() : null;

    /// <summary>A number; `NaN` (after the stream's rewrite to null, or quoted), and non-numbers are null.</summary>
    public static double? Num(this JsonElement e, params string[] path) => e.Path(path) is { } v ? Number(v) : null;

    public static double? Number(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => null,
    };

    public static int? Int(this JsonElement e, params string[] path) => e.Num(path) is { } d ? (int)Math.Round(d) : null;

    /// <summary>Polar's "not available" (−1) is unknown.</summary>
    public static double? Load(this JsonElement e, params string[] path) => e.Num(path) is { } d && d >= 0 ? d : null;

    public static TimeSpan? Duration(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s ? XmlConvert.ToTimeSpan(s) : null;

    public static DateTime? LocalTime(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s && DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static DateOnly? Date(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s && DateOnly.TryParseExact(s[..Math.Min(10, s.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static DateTimeOffset? Instant(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    /// <summary>
    /// <c>raw</c> of a record only an export has: its JSON is in <c>export_raw</c> (once, not twice); a sync that later
    /// brings AccessLink's JSON for it fills <c>raw</c>.
    /// </summary>
    public const string NoAccessLinkJson = "{}";

    /// <summary>The record's JSON under its family's name, so the families that describe one record (sleep result and score) sit side by side.</summary>
    public static string Raw(string family, JsonElement e) => $"{{\"{family}\":{e.GetRawText()}}}";
}
