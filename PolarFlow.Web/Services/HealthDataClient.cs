using System.Globalization;

namespace PolarFlow.Web.Services;

/// <summary>The API's data lists and records: nights, recharge, activity, exercises, cardio load.</summary>
public sealed class HealthDataClient(HttpClient http)
{
    public Task<SleepListDto> SleepAsync(string userId, int days, CancellationToken ct) =>
        http.GetAsync<SleepListDto>(User(userId, $"sleep?days={days}"), ct);

    public Task<SleepDetailDto?> NightAsync(string userId, DateOnly date, CancellationToken ct) =>
        http.FindAsync<SleepDetailDto>(User(userId, $"sleep/{Day(date)}"), ct);

    public Task<RechargeListDto> RechargeAsync(string userId, int days, CancellationToken ct) =>
        http.GetAsync<RechargeListDto>(User(userId, $"nightly-recharge?days={days}"), ct);

    public Task<RangeList<ActivityDto>> ActivityAsync(string userId, int days, CancellationToken ct) =>
        http.GetAsync<RangeList<ActivityDto>>(User(userId, $"activity?days={days}"), ct);

    public Task<ActivitySamplesDto?> ActivitySamplesAsync(string userId, DateOnly date, CancellationToken ct) =>
        http.FindAsync<ActivitySamplesDto>(User(userId, $"activity/{Day(date)}/samples"), ct);

    public Task<RangeList<ExerciseDto>> ExercisesAsync(string userId, int days, CancellationToken ct) =>
        http.GetAsync<RangeList<ExerciseDto>>(User(userId, $"exercises?days={days}"), ct);

    public Task<ExerciseDetailDto?> ExerciseAsync(string userId, string id, CancellationToken ct) =>
        http.FindAsync<ExerciseDetailDto>(User(userId, $"exercises/{Uri.EscapeDataString(id)}"), ct);

    public Task<List<SeriesDto>?> SamplesAsync(string userId, string id, CancellationToken ct) =>
        http.FindAsync<List<SeriesDto>>(User(userId, $"exercises/{Uri.EscapeDataString(id)}/samples"), ct);

    public Task<RouteDto?> RouteAsync(string userId, string id, CancellationToken ct) =>
        http.FindAsync<RouteDto>(User(userId, $"exercises/{Uri.EscapeDataString(id)}/route"), ct);

    public Task<RangeList<CardioLoadDto>> CardioLoadAsync(string userId, int days, CancellationToken ct) =>
        http.GetAsync<RangeList<CardioLoadDto>>(User(userId, $"cardio-load?days={days}"), ct);

    private static string User(string userId, string rest) => $"/api/v1/users/{Uri.EscapeDataString(userId)}/{rest}";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
