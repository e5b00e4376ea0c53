using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarFlow.AccessLink.Json;

/// <summary>
/// ISO-8601 first; then a lenient parse, because Polar's own examples include `2008-10-13T10:40:0.000Z` (one-digit
/// seconds). A time without a zone stays as written.
/// </summary>
public sealed class LenientDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    // Single-letter H, m, s accept one or two digits; K accepts Z, an offset, or nothing.
    internal static readonly string[] Formats = ["yyyy-MM-dd'T'H:m:s.FFFFFFFK", "yyyy-MM-dd'T'H:m:sK", "yyyy-MM-dd'T'H:mK"];

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTimeOffset(out var value) ? value
        : DateTimeOffset.ParseExact(reader.GetString()!, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

public sealed class LenientDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TryGetDateTime(out var value) ? value
        : DateTime.ParseExact(reader.GetString()!, LenientDateTimeOffsetConverter.Formats, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
