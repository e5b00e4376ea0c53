using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;

namespace PolarFlow.ApiService.Mcp;

/// <summary>Prompts an assistant can offer its user: a week reviewed through PolarFlow's own tools.</summary>
[McpServerPromptType]
public sealed class ReviewPrompts(TimeProvider time)
{
    [McpServerPrompt(Name = "weekly_review", Title = "Weekly review")]
    [Description("Review the seven days up to a date: recovery, sleep, training and anything unusual, with the numbers "
        + "behind each point.")]
    public string WeeklyReview(
        [Description("The last day of the week, YYYY-MM-DD; default today.")] string? week_ending = null,
        [Description("The PolarFlow user id, with a service or admin key.")] string? user_id = null)
    {
        var end = McpCaller.Date(week_ending, "week_ending") ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = end.AddDays(-6);
        var (before, beforeEnd) = (start.AddDays(-7), start.AddDays(-1));
        var who = user_id is { Length: > 0 } ? $" Pass user_id \"{user_id}\" to every tool." : "";
        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            Review my week from {D(start)} to {D(end)} with PolarFlow's tools.{who}
            1. today_summary with as_of {D(end)}: where readiness, HRV, sleep debt and training load stand at the
               end of the week.
            2. compare_periods for rmssd, resting_hr and total_sleep_minutes:
               first {D(before)} to {D(beforeEnd)}, second {D(start)} to {D(end)}.
            3. training_load with as_of {D(end)} and days 14: how load, fitness (CTL), fatigue (ATL) and form (TSB)
               moved; list_exercises from {D(start)} to {D(end)}.
            4. early_warning and anomalies with as_of {D(end)} and days 7: anything that needs attention.
            Then write a short review: what went well, what to watch, and one suggestion for next week. Quote the numbers and
            their baselines from the answers (each has a `say` line and the evidence), and say where data is missing.
            """;
    }
}
