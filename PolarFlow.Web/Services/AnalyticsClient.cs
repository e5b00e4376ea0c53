using System.Globalization;
using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.TrainingLoad;
using PolarFlow.Analytics.Views;

namespace PolarFlow.Web.Services;

/// <summary>The API's analytics (cached in Redis by the API): every number the dashboard shows comes from here.</summary>
public sealed class AnalyticsClient(HttpClient http)
{
    public Task<AnalyticsResponse<SummaryView>> SummaryAsync(string userId, AnalyticsOptions options, DateOnly? asOf, CancellationToken ct) =>
        GetAsync<SummaryView>(userId, "summary", options, asOf, null, ct);

    public Task<AnalyticsResponse<HrvView>> HrvAsync(string userId, AnalyticsOptions options, int days, CancellationToken ct) =>
        GetAsync<HrvView>(userId, "hrv", options, null, days, ct);

    public Task<AnalyticsResponse<ReadinessView>> ReadinessAsync(string userId, AnalyticsOptions options, DateOnly? asOf, int days, CancellationToken ct) =>
        GetAsync<ReadinessView>(userId, "readiness", options, asOf, days, ct);

    public Task<AnalyticsResponse<SleepView>> SleepAsync(string userId, AnalyticsOptions options, int days, CancellationToken ct) =>
        GetAsync<SleepView>(userId, "sleep", options, null, days, ct);

    public Task<AnalyticsResponse<TrainingLoadReport.Result>> TrainingLoadAsync(string userId, AnalyticsOptions options, int days, CancellationToken ct) =>
        GetAsync<TrainingLoadReport.Result>(userId, "training-load", options, null, days, ct);

    public Task<AnalyticsResponse<EarlyWarning.Result>> EarlyWarningAsync(string userId, AnalyticsOptions options, DateOnly? asOf, CancellationToken ct) =>
        GetAsync<EarlyWarning.Result>(userId, "early-warning", options, asOf, null, ct);

    public Task<AnalyticsResponse<InsightsView>> InsightsAsync(string userId, AnalyticsOptions options, DateOnly? asOf, CancellationToken ct) =>
        GetAsync<InsightsView>(userId, "insights", options, asOf, null, ct);

    /// <summary>
    /// A daily series longer than the API's 365 days a call: consecutive windows ending a year apart, joined in date order.
    /// </summary>
    public async Task<List<TDay>> LongSeriesAsync<TView, TDay>(string userId, string analytic, AnalyticsOptions options, int days,
        Func<TView, IEnumerable<TDay>> rows, CancellationToken ct)
    {
        var windows = new List<List<TDay>>();
        DateOnly? asOf = null;
        for (var left = days; left > 0; left -= MaxDays)
        {
            var answer = await GetAsync<TView>(userId, analytic, options, asOf, Math.Min(left, MaxDays), ct);
            windows.Insert(0, rows(answer.Result).ToList());
            asOf = answer.AsOf.AddDays(-MaxDays);
        }
        return windows.SelectMany(w => w).ToList();
    }

    /// <summary>The API's longest series in one call.</summary>
    public const int MaxDays = 365;

    private Task<AnalyticsResponse<T>> GetAsync<T>(string userId, string analytic, AnalyticsOptions options, DateOnly? asOf, int? days,
        CancellationToken ct)
    {
        var query = new List<string>(options.Query());
        if (asOf is { } day) query.Add("as_of=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (days is { } d) query.Add("days=" + d.ToString(CultureInfo.InvariantCulture));
        var path = $"/api/v1/users/{Uri.EscapeDataString(userId)}/analytics/{analytic}" + (query.Count == 0 ? "" : "?" + string.Join('&', query));
        return http.GetAsync<AnalyticsResponse<T>>(path, ct);
    }
}
