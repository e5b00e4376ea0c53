using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PolarFlow.AccessLink.Models;

namespace PolarFlow.AccessLink;

/// <summary>
/// AccessLink v3 on behalf of users: one method per endpoint, each taking the user's access token. "No data"
/// answers give null or an empty list; failures an <see cref="AccessLinkException"/>. Typed client on
/// IHttpClientFactory (see <see cref="AccessLinkServiceExtensions"/>).
/// </summary>
public sealed partial class AccessLinkClient(HttpClient http, IEnumerable<IRateLimitObserver> observers)
{
    private static readonly HttpStatusCode[] None = [];
    private static readonly HttpStatusCode[] NoContent = [HttpStatusCode.NoContent];
    private static readonly HttpStatusCode[] NotFound = [HttpStatusCode.NotFound];
    private static readonly HttpStatusCode[] NoContentOrNotFound = [HttpStatusCode.NoContent, HttpStatusCode.NotFound];

    private readonly AccessLinkTransport _transport = new(http, observers);

    /// <summary>The rate-limit state of the last answer this instance received.</summary>
    public RateLimitState? LastRateLimit => _transport.LastRateLimit;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Query(string path, params (string Key, string? Value)[] query)
    {
        var present = query.Where(q => q.Value is not null).Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value!)}").ToList();
        return present.Count == 0 ? path : path + "?" + string.Join('&', present);
    }

    /// <summary>Polar's resource URIs are absolute; their path is followed on the configured base (the emulator, too).</summary>
    private static string Relative(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : uri;

    private static HttpRequestMessage Request(HttpMethod method, string token, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<T?> GetOneAsync<T>(string token, string path, HttpStatusCode[] noData, CancellationToken ct) where T : class
    {
        using var request = Request(HttpMethod.Get, token, path);
        return await _transport.SendJsonAsync(request, noData, ct) is { } json ? AccessLinkTransport.Read<T>(json) : null;
    }

    /// <summary>A list, bare or inside Polar's wrapper object (`nights`, `recharges`, ...).</summary>
    private async Task<List<T>> GetListAsync<T>(string token, string path, string? wrapper, HttpStatusCode[] noData, CancellationToken ct) where T : class
    {
        using var request = Request(HttpMethod.Get, token, path);
        var json = await _transport.SendJsonAsync(request, noData, ct);
        if (json is not { } element) return [];
        if (wrapper is not null && element.ValueKind == JsonValueKind.Object)
        {
            return element.TryGetProperty(wrapper, out var inner) ? AccessLinkTransport.ReadList<T>(inner) : [];
        }
        return AccessLinkTransport.ReadList<T>(element);
    }

    private async Task<byte[]?> GetBytesAsync(string token, string path, CancellationToken ct, string accept = "*/*")
    {
        using var request = Request(HttpMethod.Get, token, path);
        request.Headers.Accept.ParseAdd(accept);
        return await _transport.SendBytesAsync(request, NoContentOrNotFound, ct);
    }

    // ---- Users and physical info ----

    public sealed record Registration(bool AlreadyRegistered, PolarUser? User);

    /// <summary>POST /v3/users. 409 (already registered) counts as success, as Polar's own example client does.</summary>
    public async Task<Registration> RegisterUserAsync(string token, string memberId, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Post, token, "/v3/users");
        request.Content = System.Net.Http.Json.JsonContent.Create(new Dictionary<string, string> { ["member-id"] = memberId });
        try
        {
            var json = await _transport.SendJsonAsync(request, None, ct);
            return new Registration(false, json is { } j ? AccessLinkTransport.Read<PolarUser>(j) : null);
        }
        catch (AccessLinkException ex) when (ex.Kind == AccessLinkErrorKind.Conflict)
        {
            return new Registration(true, null);
        }
    }

    /// <summary>GET /v3/users/{id}; null when Polar answers 204 (not found).</summary>
    public Task<PolarUser?> GetUserAsync(string token, long polarUserId, CancellationToken ct = default) =>
        GetOneAsync<PolarUser>(token, $"/v3/users/{polarUserId}", NoContent, ct);

    /// <summary>DELETE /v3/users/{id}: de-registers the user and revokes the token.</summary>
    public async Task DeleteUserAsync(string token, long polarUserId, CancellationToken ct = default)
    {
        using var request = Request(HttpMethod.Delete, token, $"/v3/users/{polarUserId}");
        (await _transport.SendAsync(request, NoContent, ct))?.Dispose();
    }

    public Task<PhysicalInfo?> GetPhysicalInfoAsync(string token, CancellationToken ct = default) =>
        GetOneAsync<PhysicalInfo>(token, "/v3/users/physical-info", NotFound, ct);

    // ---- Exercises ----

    public Task<List<Exercise>> ListExercisesAsync(string token, bool samples = false, bool zones = false, bool route = false, CancellationToken ct = default) =>
        GetListAsync<Exercise>(token, Query("/v3/exercises", ("samples", Flag(samples)), ("zones", Flag(zones)), ("route", Flag(route))), null, None, ct);

    public Task<Exercise?> GetExerciseAsync(string token, string exerciseId, bool samples = false, bool zones = false, bool route = false, CancellationToken ct = default) =>
        GetOneAsync<Exercise>(token, Query($"/v3/exercises/{Uri.EscapeDataString(exerciseId)}", ("samples", Flag(samples)), ("zones", Flag(zones)), ("route", Flag(route))), NotFound, ct);

    /// <summary>
    /// An exercise's `fit`, `tcx` or `gpx`; null when there is none (204) or no such exercise (404). A body that is not
    /// a whole file of its format (<see cref="ExerciseFileCheck"/>) is a <see cref="AccessLinkErrorKind.MalformedResponse"/>.
    /// </summary>
    public async Task<byte[]?> GetExerciseFileAsync(string token, string exerciseId, string format, CancellationToken ct = default)
    {
        var path = $"/v3/exercises/{Uri.EscapeDataString(exerciseId)}/{format}";
        var bytes = await GetBytesAsync(token, path, ct, format == "fit" ? "*/*" : $"application/{(format == "tcx" ? "vnd.garmin.tcx" : "gpx")}+xml");
        return bytes is not null && ExerciseFileCheck.Problem(format, bytes) is { } problem
            ? throw new AccessLinkException(AccessLinkErrorKind.MalformedResponse, System.Net.HttpStatusCode.OK, $"GET {path}: {problem}")
            : bytes;
    }

    public Task<byte[]?> GetExerciseFitAsync(string token, string exerciseId, CancellationToken ct = default) =>
        GetExerciseFileAsync(token, exerciseId, "fit", ct);

    public Task<byte[]?> GetExerciseTcxAsync(string token, string exerciseId, CancellationToken ct = default) =>
        GetExerciseFileAsync(token, exerciseId, "tcx", ct);

    public Task<byte[]?> GetExerciseGpxAsync(string token, string exerciseId, CancellationToken ct = default) =>
        GetExerciseFileAsync(token, exerciseId, "gpx", ct);
}
