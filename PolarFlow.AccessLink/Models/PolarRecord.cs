using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarFlow.AccessLink.Models;

/// <summary>A record read from Polar, with the JSON exactly as Polar sent it, so nothing is lost in translation.</summary>
public abstract class PolarRecord
{
    [JsonIgnore]
    public JsonElement Raw { get; set; }
}
