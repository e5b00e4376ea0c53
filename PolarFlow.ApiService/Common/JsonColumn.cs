using System.Text.Json;

namespace PolarFlow.ApiService.Common;

public static class JsonColumn
{
    /// <summary>A jsonb column (Polar's JSON, as stored) as JSON in the answer; null stays null.</summary>
    public static JsonElement? Parse(string? jsonb) => jsonb is null ? null : JsonDocument.Parse(jsonb).RootElement.Clone();
}
