using PolarFlow.AccessLink.Models;

namespace PolarFlow.AccessLink;

public sealed partial class AccessLinkClient
{
    // ---- Daily activity (365 days back, at most 28 per request) ----

    public Task<List<DailyActivitySummary>> ListActivitiesAsync(string token, DateOnly? from = null, DateOnly? to = null,
        bool steps = false, bool activityZones = false, bool inactivityStamps = false, CancellationToken ct = default) =>
        GetListAsync<DailyActivitySummary>(token, Query("/v3/users/activities", ("from", from is { } f ? Date(f) : null), ("to", to is { } t ? Date(t) : null),
            ("steps", Flag(steps)), ("activity_zones", Flag(activityZones)), ("inactivity_stamps", Flag(inactivityStamps))), null, None, ct);

    /// <summary>null when Polar has no activity for the date (204).</summary>
    public Task<DailyActivitySummary?> GetActivityAsync(string token, DateOnly date, bool steps = false, bool activityZones = false, bool inactivityStamps = false, CancellationToken ct = default) =>
        GetOneAsync<DailyActivitySummary>(token, Query($"/v3/users/activities/{Date(date)}",
            ("steps", Flag(steps)), ("activity_zones", Flag(activityZones)), ("inactivity_stamps", Flag(inactivityStamps))), NoContent, ct);

    public Task<List<ActivitySamples>> ListActivitySamplesAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<ActivitySamples>(token, Query("/v3/users/activities/samples", ("from", from is { } f ? Date(f) : null), ("to", to is { } t ? Date(t) : null)), null, None, ct);

    public Task<ActivitySamples?> GetActivitySamplesAsync(string token, DateOnly date, CancellationToken ct = default) =>
        GetOneAsync<ActivitySamples>(token, $"/v3/users/activities/samples/{Date(date)}", NoContent, ct);

    // ---- Sleep and nightly recharge (28 days) ----

    public Task<List<SleepNight>> ListSleepAsync(string token, CancellationToken ct = default) =>
        GetListAsync<SleepNight>(token, "/v3/users/sleep", "nights", None, ct);

    /// <summary>null when there is no sleep for the date (404).</summary>
    public Task<SleepNight?> GetSleepAsync(string token, DateOnly date, CancellationToken ct = default) =>
        GetOneAsync<SleepNight>(token, $"/v3/users/sleep/{Date(date)}", NotFound, ct);

    public Task<List<SleepAvailability>> ListAvailableSleepAsync(string token, CancellationToken ct = default) =>
        GetListAsync<SleepAvailability>(token, "/v3/users/sleep/available", "available", None, ct);

    public Task<List<NightlyRecharge>> ListNightlyRechargeAsync(string token, CancellationToken ct = default) =>
        GetListAsync<NightlyRecharge>(token, "/v3/users/nightly-recharge", "recharges", None, ct);

    public Task<NightlyRecharge?> GetNightlyRechargeAsync(string token, DateOnly date, CancellationToken ct = default) =>
        GetOneAsync<NightlyRecharge>(token, $"/v3/users/nightly-recharge/{Date(date)}", NotFound, ct);

    // ---- Continuous heart rate ----

    public Task<ContinuousHeartRateDay?> GetContinuousHeartRateAsync(string token, DateOnly date, CancellationToken ct = default) =>
        GetOneAsync<ContinuousHeartRateDay>(token, $"/v3/users/continuous-heart-rate/{Date(date)}", NotFound, ct);

    /// <summary>The range call (inclusive). Live answers wrap days in `heart_rates`; the spec's single object is read too.</summary>
    public async Task<List<ContinuousHeartRateDay>> ListContinuousHeartRateAsync(string token, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Get, token, Query("/v3/users/continuous-heart-rate", ("from", Date(from)), ("to", Date(to))));
        var json = await _transport.SendJsonAsync(request, NoContentOrNotFound, ct);
        if (json is not { } element) return [];
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object && element.TryGetProperty("heart_rates", out var days))
        {
            return AccessLinkTransport.ReadList<ContinuousHeartRateDay>(days);
        }
        return element.ValueKind == System.Text.Json.JsonValueKind.Object ? [AccessLinkTransport.Read<ContinuousHeartRateDay>(element)] : AccessLinkTransport.ReadList<ContinuousHeartRateDay>(element);
    }

    // ---- Cardio load (the five variants) ----

    public Task<List<CardioLoadDay>> ListCardioLoadAsync(string token, CancellationToken ct = default) =>
        GetListAsync<CardioLoadDay>(token, "/v3/users/cardio-load", null, None, ct);

    public Task<List<CardioLoadDay>> GetCardioLoadAsync(string token, DateOnly date, CancellationToken ct = default) =>
        GetListAsync<CardioLoadDay>(token, $"/v3/users/cardio-load/{Date(date)}", null, None, ct);

    public Task<List<CardioLoadDay>> ListCardioLoadAsync(string token, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        GetListAsync<CardioLoadDay>(token, Query("/v3/users/cardio-load/date", ("from", Date(from)), ("to", Date(to))), null, None, ct);

    /// <summary>The last 1-180 days.</summary>
    public Task<List<CardioLoadDay>> ListCardioLoadForDaysAsync(string token, int days, CancellationToken ct = default) =>
        GetListAsync<CardioLoadDay>(token, $"/v3/users/cardio-load/period/days/{days}", null, None, ct);

    /// <summary>The last 1-6 months.</summary>
    public Task<List<CardioLoadDay>> ListCardioLoadForMonthsAsync(string token, int months, CancellationToken ct = default) =>
        GetListAsync<CardioLoadDay>(token, $"/v3/users/cardio-load/period/months/{months}", null, None, ct);

    // ---- SleepWise and biosensing (28 days, or from/to at most 28 days apart; 204 when empty) ----

    public Task<List<SleepWiseAlertness>> ListAlertnessAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<SleepWiseAlertness>(token, Ranged("/v3/users/sleepwise/alertness", from, to, datePath: true), null, NoContent, ct);

    public Task<List<CircadianBedtime>> ListCircadianBedtimeAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<CircadianBedtime>(token, Ranged("/v3/users/sleepwise/circadian-bedtime", from, to, datePath: true), null, NoContent, ct);

    public Task<List<BodyTemperaturePeriod>> ListBodyTemperatureAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<BodyTemperaturePeriod>(token, Ranged("/v3/users/biosensing/bodytemperature", from, to), null, NoContent, ct);

    public Task<List<SkinTemperatureNight>> ListSkinTemperatureAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<SkinTemperatureNight>(token, Ranged("/v3/users/biosensing/skintemperature", from, to), null, NoContent, ct);

    public Task<List<SkinContactPeriod>> ListSkinContactsAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<SkinContactPeriod>(token, Ranged("/v3/users/biosensing/skincontacts", from, to), null, NoContent, ct);

    public Task<List<EcgTest>> ListEcgAsync(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<EcgTest>(token, Ranged("/v3/users/biosensing/ecg", from, to), null, NoContent, ct);

    public Task<List<Spo2Test>> ListSpo2Async(string token, DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default) =>
        GetListAsync<Spo2Test>(token, Ranged("/v3/users/biosensing/spo2", from, to), null, NoContent, ct);

    /// <summary>SleepWise takes a range on its `/date` path; biosensing takes it on the list path.</summary>
    private static string Ranged(string path, DateOnly? from, DateOnly? to, bool datePath = false) =>
        from is { } f && to is { } t ? Query(datePath ? path + "/date" : path, ("from", Date(f)), ("to", Date(t))) : path;
}
