using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarFlow.AccessLink.Json;

/// <summary>Polar's `-1.0` means "not available": it becomes null (the record's Raw still holds the -1.0).</summary>
public sealed class NotAvailableConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        var value = reader.TokenType == JsonTokenType.String ? double.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : reader.GetDouble();
        return value == -1.0 ? null : value;
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options) => writer.WriteNumberValue(value ?? -1.0);
}
