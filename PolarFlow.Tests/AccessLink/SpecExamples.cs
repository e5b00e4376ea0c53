using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace PolarFlow.Tests.AccessLink;

/// <summary>
/// Example JSON for a schema of Polar's own OpenAPI file (docs/reference/polar-accesslink-v3.openapi.yml, a copy of shared/docs), built
/// from the `example` values the file gives each property, following `$ref`, `allOf` and arrays. Nothing is
/// copied by hand: if Polar's file changes, the examples change with it.
/// </summary>
public sealed class SpecExamples
{
    private readonly YamlMappingNode _schemas;

    private SpecExamples(YamlMappingNode schemas) => _schemas = schemas;

    public static SpecExamples Load()
    {
        var path = Path.Combine(Infrastructure.RepositoryRoot.Path, "docs", "reference", "polar-accesslink-v3.openapi.yml");
        var yaml = new YamlStream();
        using (var reader = File.OpenText(path)) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return new SpecExamples((YamlMappingNode)((YamlMappingNode)root["components"])["schemas"]);
    }

    public IEnumerable<string> SchemaNames => _schemas.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public JsonNode? Example(string schema) => Build(_schemas[schema], depth: 0);

    private JsonNode? Build(YamlNode node, int depth)
    {
        if (depth > 12 || node is not YamlMappingNode map) return null;
        if (Get(map, "$ref") is YamlScalarNode reference)
        {
            return Build(_schemas[reference.Value!.Split('/')[^1]], depth + 1);
        }
        if (Get(map, "example") is { } example)
        {
            return Convert(example, (Get(map, "type") as YamlScalarNode)?.Value);
        }
        if (Get(map, "allOf") is YamlSequenceNode all)
        {
            var merged = new JsonObject();
            foreach (var part in all.Children.Select(c => Build(c, depth + 1)).OfType<JsonObject>())
                foreach (var (key, value) in part.ToList()) merged[key] = value?.DeepClone();
            return merged;
        }
        if (Get(map, "properties") is YamlMappingNode properties)
        {
            var obj = new JsonObject();
            foreach (var (key, value) in properties.Children)
            {
                if (Build(value, depth + 1) is { } built) obj[((YamlScalarNode)key).Value!] = built;
            }
            return obj;
        }
        if (Get(map, "items") is { } items)
        {
            return Build(items, depth + 1) is { } item ? new JsonArray(item) : new JsonArray();
        }
        if (Get(map, "enum") is YamlSequenceNode values)
        {
            return JsonValue.Create(((YamlScalarNode)values.Children[0]).Value);
        }
        return null;
    }

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static JsonNode? Convert(YamlNode example, string? type)
    {
        if (example is YamlSequenceNode sequence) return new JsonArray([.. sequence.Children.Select(c => Convert(c, null))]);
        if (example is YamlMappingNode mapping)
        {
            var obj = new JsonObject();
            foreach (var (k, v) in mapping.Children) obj[((YamlScalarNode)k).Value!] = Convert(v, null);
            return obj;
        }
        var scalar = (YamlScalarNode)example;
        var text = scalar.Value ?? "";
        var quoted = scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted;
        return type switch
        {
            "integer" when long.TryParse(text, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            "number" when double.TryParse(text, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            "boolean" when bool.TryParse(text, out var b) => JsonValue.Create(b),
            null when !quoted && long.TryParse(text, CultureInfo.InvariantCulture, out var l2) => JsonValue.Create(l2),
            null when !quoted && double.TryParse(text, CultureInfo.InvariantCulture, out var d2) => JsonValue.Create(d2),
            null when !quoted && bool.TryParse(text, out var b2) => JsonValue.Create(b2),
            _ => JsonValue.Create(text),
        };
    }
}
