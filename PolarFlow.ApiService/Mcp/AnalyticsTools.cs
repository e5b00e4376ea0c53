using System.ComponentModel;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Server;
using PolarFlow.ApiService.Analytics;

namespace PolarFlow.ApiService.Mcp;

/// <summary>
/// The analytics as MCP tools: each calls <see cref="AnalyticsService"/> with the REST route's definition and options,
/// so it answers the REST API's numbers from the same cache. The answer is the REST answer (values, window, baseline:
/// the evidence) under `analytic`, with a plain-language `say` line an assistant can quote.
/// </summary>
[McpServerToolType]
public sealed class AnalyticsTools(AnalyticsService analytics, McpCaller caller, TimeProvider time)
{
    private const string UserIdHelp = McpCaller.UserIdHelp;
    private const string AsOfHelp = "The user's local date the answer is as of (YYYY-MM-DD); default the user's today.";
    private const string DaysHelp = "Days of daily series to include, ending at as_of (1-365).";

    [McpServerTool(Name = "today_summary", Title = "Today's summary", ReadOnly = true, OpenWorld = false)]
    [Description("Today's readiness score and band, HRV status against the baseline, sleep debt, training-load status, "
        + "an active illness early warning and today's anomalies, in one call. Start here for \"how am I today?\".")]
    public Task<string> TodaySummary([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, CancellationToken ct = default) =>
        AnswerAsync("summary", user_id, as_of, null, ct);

    [McpServerTool(Name = "hrv_status", Title = "HRV status and trend", ReadOnly = true, OpenWorld = false)]
    [Description("Overnight HRV (lnRMSSD) against the 7-day baseline and the 60-day normal range: status, acute low, "
        + "coefficient of variation and the 14-day trend, with a daily series.")]
    public Task<string> HrvStatus([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, [Description(DaysHelp + " Default 30.")] int? days = null,
        CancellationToken ct = default) => AnswerAsync("hrv", user_id, as_of, days, ct);

    [McpServerTool(Name = "readiness", Title = "Readiness with its components", ReadOnly = true, OpenWorld = false)]
    [Description("The transparent readiness score (0-100) with every component's value, baseline, z-score and weight, "
        + "and Polar's own ANS charge beside it. Use for \"am I recovered enough to train hard?\".")]
    public Task<string> Readiness([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, [Description(DaysHelp + " Default 30.")] int? days = null,
        CancellationToken ct = default) => AnswerAsync("readiness", user_id, as_of, days, ct);

    [McpServerTool(Name = "sleep_debt_and_regularity", Title = "Sleep debt and regularity", ReadOnly = true,
        OpenWorld = false)]
    [Description("Sleep need and the weighted 14-night sleep debt, 7- and 14-night shortfalls, the Sleep Regularity Index, "
        + "midpoint variability and social jet lag, with a daily series of sleep and debt.")]
    public Task<string> Sleep([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, [Description(DaysHelp + " Default 30.")] int? days = null,
        CancellationToken ct = default) => AnswerAsync("sleep", user_id, as_of, days, ct);

    [McpServerTool(Name = "training_load", Title = "Training load (PMC, ACWR, monotony)", ReadOnly = true,
        OpenWorld = false)]
    [Description("Daily training load with fitness (CTL, 42-day), fatigue (ATL, 7-day) and form (TSB), the acute:chronic "
        + "workload ratio with its zone, monotony and strain, and Polar's own cardio-load status.")]
    public Task<string> TrainingLoad([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, [Description(DaysHelp + " Default 42.")] int? days = null,
        CancellationToken ct = default) => AnswerAsync("training-load", user_id, as_of, days, ct);

    [McpServerTool(Name = "early_warning", Title = "Illness early warning", ReadOnly = true, OpenWorld = false)]
    [Description("Resting heart rate at night against its baseline, NightSignal-style: a yellow (+3 bpm) or red (+4 bpm) "
        + "alert after two elevated nights, with HRV and breathing-rate evidence, and the active alert if any.")]
    public Task<string> EarlyWarning([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, [Description(DaysHelp + " Default 30.")] int? days = null,
        CancellationToken ct = default) => AnswerAsync("early-warning", user_id, as_of, days, ct);

    [McpServerTool(Name = "anomalies", Title = "Unusual days", ReadOnly = true, OpenWorld = false)]
    [Description("Days where a daily metric (HRV, resting HR, sleep, steps, load, ...) was far from its usual: a robust "
        + "z-score against the 60 days before beyond 3.5.")]
    public Task<string> Anomalies([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, [Description(DaysHelp + " Default 30.")] int? days = null,
        CancellationToken ct = default) => AnswerAsync("anomalies", user_id, as_of, days, ct);

    [McpServerTool(Name = "insights", Title = "Insights and personal drivers", ReadOnly = true, OpenWorld = false)]
    [Description("Plain-language observations with their evidence, and this person's significant drivers over 180 days "
        + "(which habits go with better or worse HRV, sleep and readiness, by rank correlation).")]
    public Task<string> Insights([Description(UserIdHelp)] string? user_id = null,
        [Description(AsOfHelp)] string? as_of = null, CancellationToken ct = default) =>
        AnswerAsync("insights", user_id, as_of, null, ct);

    private async Task<string> AnswerAsync(string name, string? userId, string? asOf, int? days, CancellationToken ct)
    {
        var user = await caller.UserAsync(userId, ct);
        if (days is < 1 or > AnalyticsQuery.MaxDays)
        {
            throw new McpException($"days must be 1-{AnalyticsQuery.MaxDays}, not {days}.");
        }
        var definition = AnalyticsCatalog.Get(name);
        // The REST route's own defaults and checks, so both share one cache entry for the same question.
        var options = new AnalyticsQueryString { AsOf = McpCaller.Date(asOf, "as_of"), Days = days };
        var utcToday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!AnalyticsQuery.TryCreate(options, definition.DefaultDays, utcToday, out var query, out var problem))
        {
            throw new McpException(problem!.ProblemDetails.Detail!);
        }
        var outcome = await analytics.GetAsync(user, definition, query, ct);
        var answer = JsonNode.Parse(outcome.Json!)!.AsObject();
        return new JsonObject
        {
            ["say"] = McpSay.For(name, answer), ["units"] = McpSay.Units(name), ["analytic"] = answer,
        }.ToJsonString();
    }
}
