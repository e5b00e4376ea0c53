using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarFlow.Web.Components.Shared;

/// <summary>
/// What js/charts.js draws with uPlot: one x axis (Unix seconds, or plain numbers) and series of values aligned to it.
/// Built on the server from the API's answer, written into the page as JSON (no inline script: the CSP forbids it).
/// </summary>
public sealed class ChartSpec
{
    public required string Title { get; init; }
    /// <summary>"time" (Unix seconds) or "number" (e.g. minutes into an exercise).</summary>
    public string XKind { get; init; } = "time";
    public string? XLabel { get; init; }
    public List<double> X { get; } = [];
    public List<ChartSeries> Series { get; } = [];
    /// <summary>Shaded areas between two series (indexes into <see cref="Series"/>), e.g. the HRV normal range.</summary>
    public List<ChartBand> Bands { get; } = [];
    /// <summary>Horizontal zones drawn behind the data, e.g. the ACWR sweet spot.</summary>
    public List<ChartZone> Zones { get; } = [];
    public int Height { get; init; } = 240;
    /// <summary>Names for values of the left axis (a hypnogram's stages), instead of numbers.</summary>
    public Dictionary<string, string>? YLabels { get; init; }

    public int Points => Series.Where(s => !s.Hidden).Sum(s => s.Values.Count(v => v is not null));

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static double Unix(DateOnly date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <param name="Kind">line, bars, step or points.</param>
/// <param name="Color">A palette name the stylesheet defines (--chart-NAME), never a literal colour.</param>
/// <param name="Axis">y (left) or y2 (right).</param>
public sealed record ChartSeries(string Label, string Unit, List<double?> Values, string Kind = "line", string Color = "blue", string Axis = "y",
    bool Hidden = false, int Decimals = 1);

public sealed record ChartBand(int Upper, int Lower, string Color = "blue");

public sealed record ChartZone(double From, double To, string Color, string Label);
