namespace PolarFlow.Web.Services;

/// <summary>The API's users, Polar connection, sync, export imports and keys.</summary>
public sealed class AccountClient(HttpClient http)
{
    public Task<UserPageDto> UsersAsync(CancellationToken ct) => http.GetAsync<UserPageDto>("/api/v1/users?page_size=200", ct);

    public Task<UserDto?> UserAsync(string userId, CancellationToken ct) => http.FindAsync<UserDto>(User(userId, ""), ct);

    public Task<SyncStatusDto> SyncStatusAsync(string userId, CancellationToken ct) => http.GetAsync<SyncStatusDto>(User(userId, "/sync/status"), ct);

    public Task<List<JobDto>> SyncHistoryAsync(string userId, int limit, CancellationToken ct) =>
        http.GetAsync<List<JobDto>>(User(userId, $"/sync/history?limit={limit}"), ct);

    public Task<JobDto> TriggerSyncAsync(string userId, CancellationToken ct) =>
        http.SendJsonAsync<JobDto>(HttpMethod.Post, User(userId, "/sync/trigger"), null, ct);

    public Task<AuthorizeResponse> AuthorizeAsync(string userId, string returnUrl, CancellationToken ct) =>
        http.SendJsonAsync<AuthorizeResponse>(HttpMethod.Post, User(userId, "/polar/authorize"), new { returnUrl }, ct);

    public Task<ImportListDto> ImportsAsync(string userId, CancellationToken ct) => http.GetAsync<ImportListDto>(User(userId, "/imports"), ct);

    public Task<ImportDto?> ImportAsync(string userId, Guid id, CancellationToken ct) => http.FindAsync<ImportDto>(User(userId, $"/imports/{id}"), ct);

    /// <summary>A CSV export, streamed from the API.</summary>
    public Task<HttpResponseMessage> ExportAsync(string userId, string type, int days, CancellationToken ct) =>
        StreamAsync(User(userId, $"/export/{type}.csv?days={days}"), ct);

    /// <summary>The whole account as the API's archive.zip, streamed as the API writes it.</summary>
    public Task<HttpResponseMessage> ArchiveAsync(string userId, CancellationToken ct) => StreamAsync(User(userId, "/export/archive.zip"), ct);

    private async Task<HttpResponseMessage> StreamAsync(string path, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await ApiCalls.SendAsync(http, request, ct, HttpCompletionOption.ResponseHeadersRead);
        await ApiCalls.EnsureAsync(response, ct);
        return response;
    }

    public Task<List<KeyDto>> KeysAsync(CancellationToken ct) => http.GetAsync<List<KeyDto>>("/api/v1/keys", ct);

    public Task<CreatedKeyDto> CreateKeyAsync(string name, string kind, string? userId, CancellationToken ct) =>
        http.SendJsonAsync<CreatedKeyDto>(HttpMethod.Post, "/api/v1/keys", new { name, kind, userId }, ct);

    public Task RevokeKeyAsync(string keyId, CancellationToken ct) => http.SendAsync(HttpMethod.Delete, $"/api/v1/keys/{Uri.EscapeDataString(keyId)}", null, ct);

    private static string User(string userId, string rest) => $"/api/v1/users/{Uri.EscapeDataString(userId)}{rest}";
}
