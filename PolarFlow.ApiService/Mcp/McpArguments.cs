using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ModelContextProtocol;

namespace PolarFlow.ApiService.Mcp;

/// <summary>
/// How tool arguments are read: the SDK's defaults, and a text argument a client sent as a bare number (a user id such
/// as 40000101, which the MCP Inspector's `--tool-arg user_id=40000101` sends unquoted) is read as its digits rather
/// than failing the call with no reason given.
/// </summary>
public static class McpArguments
{
    public static readonly JsonSerializerOptions Options = new(McpJsonUtilities.DefaultOptions)
    {
        Converters = { new TextFromNumber() },
    };

    private sealed class TextFromNumber : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Number
                ? Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan)
                : reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);
    }
}
