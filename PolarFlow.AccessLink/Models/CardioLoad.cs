using System.Text.Json.Serialization;
using PolarFlow.AccessLink.Json;

namespace PolarFlow.AccessLink.Models;

/// <summary>A day of cardio load; Polar's -1.0 (not available) reads as null.</summary>
public sealed class CardioLoadDay : PolarRecord
{
    public DateOnly Date { get; init; }
    public string? CardioLoadStatus { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? CardioLoad { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? Strain { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? Tolerance { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? CardioLoadRatio { get; init; }
    /// <summary>May be `{}`; `very_high` and the spec's `very-high` both land in <see cref="CardioLoadLevels.VeryHigh"/>.</summary>
    public CardioLoadLevels? CardioLoadLevel { get; init; }
}

public sealed record CardioLoadLevels(double? VeryLow, double? Low, double? Medium, double? High, double? VeryHigh);
