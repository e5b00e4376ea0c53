using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PolarFlow.AccessLink.Models;

namespace PolarFlow.AccessLink.Json;

/// <summary>
/// Reads Polar's JSON tolerantly: Polar mixes kebab-case and snake_case (and live answers differ from the spec:
/// `very-high`/`very_high`, `lower-limit`/`lower_limit`), so keys are normalised to snake_case before binding;
/// numbers may arrive as strings; durations are ISO-8601 with fractions. Each record keeps the JSON exactly
/// as Polar sent it in <see cref="PolarRecord.Raw"/>.
/// </summary>
public static class PolarJsonReader
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Converters = { new IsoDurationConverter(), new LenientDateTimeOffsetConverter(), new LenientDateTimeConverter() },
    };

    public static T Read<T>(JsonElement element) where T : class
    {
        var value = Normalize(JsonNode.Parse(element.GetRawText()))!.Deserialize<T>(Options)
            ?? throw new JsonException($"Polar sent null for a {typeof(T).Name}.");
        if (value is PolarRecord record)
        {
            record.Raw = element.Clone();
        }
        return value;
    }

    public static List<T> ReadList<T>(JsonElement array) where T : class =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().Select(Read<T>).ToList() : [];

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj.ToList())
                {
                    obj.Remove(key);
                    // Keys that are times of day ("00:39") are data, not names: they keep their form.
                    copy[key.Contains(':') ? key : key.Replace('-', '_')] = Normalize(value);
                }
                return copy;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                return new JsonArray([.. items.Select(Normalize)]);
            default:
                return node;
        }
    }
}
