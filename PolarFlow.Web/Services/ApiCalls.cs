using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace PolarFlow.Web.Services;

/// <summary>One way for every typed client to call the API: errors become <see cref="ApiException"/> with the API's words.</summary>
public static class ApiCalls
{
    public static async Task<T> GetAsync<T>(this HttpClient http, string path, CancellationToken ct) =>
        await ReadAsync<T>(await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, path), ct), ct);

    /// <summary>Null when the API says 404 (no such record), so a page can say what is missing.</summary>
    public static async Task<T?> FindAsync<T>(this HttpClient http, string path, CancellationToken ct) where T : class
    {
        try
        {
            return await GetAsync<T>(http, path, ct);
        }
        catch (ApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public static async Task<T> SendJsonAsync<T>(this HttpClient http, HttpMethod method, string path, object? body, CancellationToken ct) =>
        await ReadAsync<T>(await SendAsync(http, new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }, ct), ct);

    public static async Task SendAsync(this HttpClient http, HttpMethod method, string path, object? body, CancellationToken ct) =>
        await EnsureAsync(await SendAsync(http, new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }, ct), ct);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        try
        {
            return await http.SendAsync(request, completion, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ApiUnavailableException(ex);
        }
    }

    public static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode) return;
        var (title, detail) = (response.ReasonPhrase ?? "The API refused the request", (string?)null);
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (problem.RootElement.TryGetProperty("title", out var t) && t.GetString() is { } text) title = text;
            if (problem.RootElement.TryGetProperty("detail", out var d)) detail = d.GetString();
        }
        catch (JsonException)
        {
            // Not ProblemDetails (a proxy's page, say): the status line is all there is to show.
        }
        if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented)
        {
            throw new ApiUnavailableException(new HttpRequestException(title, null, response.StatusCode));
        }
        throw new ApiException(response.StatusCode, title, detail);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, ct))!;
    }
}
