using System.Globalization;
using System.Text.Json.Nodes;

namespace PolarFlow.ApiService.Mcp;

/// <summary>
/// One short plain-language line per answer, made only from the numbers in it (so an assistant that quotes it says
/// what the evidence shows), with units. Where an analytic lacks data, the line says what is missing.
/// </summary>
public static class McpSay
{
    public static string For(string analytic, JsonObject answer)
    {
        var asOf = answer["asOf"]?.GetValue<string>();
        var r = answer["result"]!;
        var line = analytic switch
        {
            "summary" => Summary(r),
            "hrv" => Hrv(r["today"]!),
            "readiness" => Readiness(r["today"]!),
            "sleep" => Sleep(r["debt"]!, r["regularity"]!),
            "training-load" => Load(r),
            "early-warning" => Warning(r),
            "anomalies" => Missing(r) ?? Count(r["anomalies"]!.AsArray().Count, "unusual day-metric", "in the window"),
            "insights" => Insights(r),
            _ => "",
        };
        return $"As of {asOf}: {line}";
    }

    /// <summary>The units of the numbers in each analytic's answer, by field name (one name, one unit).</summary>
    public static JsonObject Units(string analytic) => analytic switch
    {
        "summary" => Of(("score", "0-100"), ("baseline7", LnMs), ("rangeLow", LnMs), ("rangeHigh", LnMs),
            ("polarAnsCharge", AnsCharge), ("weightedDebtMinutes", "min"), ("needMinutes", "min"),
            ("shortfall7Minutes", "min"),
            ("ctl", Load7), ("atl", Load7), ("tsb", Load7), ("acwrEwma", "ratio"), ("elevation", "bpm"),
            ("value", MetricUnit), ("z", "robust SD")),
        "hrv" => Of(("lnRmssdToday", LnMs), ("lnRmssd", LnMs), ("baseline7", LnMs), ("rangeLow", LnMs), ("rangeHigh", LnMs),
            ("cv7", "% of the 7-day mean"), ("trend14", "ln(ms) per day")),
        "readiness" => Of(("score", "0-100"), ("z", "SD from the 60-day baseline"), ("weight", "share of the score"),
            ("polarAnsCharge", AnsCharge)),
        "sleep" => Of(("needMinutes", "min"), ("weightedDebtMinutes", "min"), ("shortfall7Minutes", "min"),
            ("shortfall14Minutes", "min"), ("totalSleepMinutes", "min"), ("sri", "0-100"), ("midpointSdMinutes", "min"),
            ("socialJetLagMinutes", "min")),
        "training-load" => Of(("load", "Polar training load"), ("trimp", "Banister TRIMP"), ("ctl", Load7), ("atl", Load7),
            ("tsb", Load7), ("acwrEwma", "ratio"), ("acwrRolling", "ratio"), ("monotony", "ratio"), ("strain", "load")),
        "early-warning" => Of(("restingHr", "bpm"), ("baseline", "bpm"), ("elevation", "bpm"), ("previousElevation", "bpm")),
        "anomalies" => Of(("value", MetricUnit), ("median", MetricUnit), ("mad", MetricUnit), ("z", "robust SD")),
        _ => [],
    };

    private const string LnMs = "ln(ms)";
    private const string Load7 = "load/day";
    private const string AnsCharge = "-10 to +10";
    private const string MetricUnit = "the metric's unit";

    private static JsonObject Of(params (string Field, string Unit)[] units) =>
        new(units.Select(u => KeyValuePair.Create(u.Field, (JsonNode?)u.Unit)));

    private static string Summary(JsonNode r)
    {
        var (readiness, hrv, debt, load) = (r["readiness"]!, r["hrv"]!, r["sleepDebt"]!, r["trainingLoad"]!);
        var parts = new List<string>
        {
            Missing(readiness) is { } m1 ? $"readiness unknown ({m1})"
                : $"readiness {N(readiness["score"])}/100 ({readiness["band"]})",
            Missing(hrv) is { } m2 ? $"HRV unknown ({m2})" : $"HRV {hrv["baselineStatus"]} its normal range",
            Missing(debt) is { } m3 ? $"sleep debt unknown ({m3})" : $"sleep debt {Hours(debt["weightedDebtMinutes"])}",
            Missing(load) is { } m4 ? $"training load unknown ({m4})"
                : $"form (TSB) {N(load["tsb"])}, ACWR {N(load["acwrEwma"], "F2")} ({load["acwrZone"]})",
        };
        if (r["activeWarning"] is JsonObject warning)
        {
            parts.Add($"{warning["level"]} early warning: {warning["message"]?.GetValue<string>().TrimEnd('.')}");
        }
        if (r["anomaliesToday"]?.AsArray().Count is > 0 and var n) parts.Add($"{n} unusual metric(s) today");
        return string.Join("; ", parts) + ".";
    }

    private static string Hrv(JsonNode t) => Missing(t)
        ?? $"lnRMSSD {N(t["lnRmssdToday"], "F2")} against a 7-day baseline of {N(t["baseline7"], "F2")}, "
        + $"normal range {N(t["rangeLow"], "F2")}-{N(t["rangeHigh"], "F2")}: {t["baselineStatus"]}"
        + (t["acuteLow"]?.GetValue<bool>() == true ? ", and today is an acute low." : ".");

    private static string Readiness(JsonNode t) => Missing(t)
        ?? $"readiness {N(t["score"])}/100 ({t["band"]}) from {t["components"]!.AsArray().Count} components"
        + (t["polarAnsCharge"] is JsonValue ans ? $"; Polar's ANS charge {N(ans, "F1")}." : ".");

    private static string Sleep(JsonNode debt, JsonNode regularity) => Missing(debt)
        ?? $"weighted sleep debt {Hours(debt["weightedDebtMinutes"])} against a need of {Hours(debt["needMinutes"])} a night"
        + (regularity["sri"] is JsonValue sri ? $"; Sleep Regularity Index {N(sri)}." : ".");

    private static string Load(JsonNode r) => Missing(r) ?? (r["today"] is JsonObject t
        ? $"fitness (CTL) {N(t["ctl"])}, fatigue (ATL) {N(t["atl"])}, form (TSB) {N(t["tsb"])}, "
            + $"ACWR {N(t["acwrEwma"], "F2")} ({t["acwrZone"]})."
        : "no load today.");

    private static string Warning(JsonNode r) => Missing(r) ?? (r["active"] is JsonObject a
        ? $"{a["level"]} alert: {a["message"]}"
        : Count(r["alerts"]!.AsArray().Count, "alert", "in the window") + " No alert is active.");

    private static string Insights(JsonNode r) =>
        string.Join(" ", r["insights"]!.AsArray().Take(3).Select(i => i!["text"]!.GetValue<string>())) is { Length: > 0 } text
            ? text : "No insight stands out yet.";

    private static string Count(int n, string what, string where) => $"{n} {what}{(n == 1 ? "" : "s")} {where}.";

    private static string? Missing(JsonNode r) => r["status"]?.GetValue<string>() is "ok" or null ? null
        : $"not enough data: {r["missing"]?.GetValue<string>() ?? "too few days"}";

    private static string N(JsonNode? value, string format = "F0") =>
        value is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Hours(JsonNode? minutes)
    {
        if (minutes is not JsonValue v || !v.TryGetValue<double>(out var m)) return "n/a";
        var total = (int)Math.Round(Math.Abs(m));
        return $"{(m < 0 ? "-" : "")}{total / 60} h {total % 60} min";
    }
}
