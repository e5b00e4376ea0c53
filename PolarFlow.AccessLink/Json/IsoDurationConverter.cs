using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace PolarFlow.AccessLink.Json;

/// <summary>ISO-8601 durations as Polar writes them: `PT44M5.252S`, `PT8H`, `PT6.705S`.</summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("A duration may not be null."));

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
