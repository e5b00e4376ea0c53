using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PolarFlow.AccessLink.Json;

namespace PolarFlow.AccessLink;

/// <summary>
/// Sends one request and turns Polar's answer into meaning: the statuses that mean "no data" for that endpoint
/// give null, the others an <see cref="AccessLinkException"/> of the right kind. Every answer's rate-limit
/// headers are parsed and reported. Shared by the user and partner clients.
/// </summary>
public sealed class AccessLinkTransport(HttpClient http, IEnumerable<IRateLimitObserver> observers)
{
    public RateLimitState? LastRateLimit { get; private set; }

    public HttpClient Http => http;

    public async Task<JsonElement?> SendJsonAsync(HttpRequestMessage request, HttpStatusCode[] noData, CancellationToken ct)
    {
        using var response = await SendAsync(request, noData, ct);
        if (response is null || response.StatusCode == HttpStatusCode.NoContent) return null;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new AccessLinkException(AccessLinkErrorKind.MalformedResponse, response.StatusCode,
                $"{request.Method} {request.RequestUri?.AbsolutePath}: Polar's answer is not valid JSON.", LastRateLimit, ex);
        }
    }

    public async Task<byte[]?> SendBytesAsync(HttpRequestMessage request, HttpStatusCode[] noData, CancellationToken ct)
    {
        using var response = await SendAsync(request, noData, ct);
        return response is null || response.StatusCode == HttpStatusCode.NoContent ? null : await response.Content.ReadAsByteArrayAsync(ct);
    }

    /// <returns>The successful response, or null for a "no data" status.</returns>
    public async Task<HttpResponseMessage?> SendAsync(HttpRequestMessage request, HttpStatusCode[] noData, CancellationToken ct)
    {
        if (request.Headers.Accept.Count == 0) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.ExecutionRejectedException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // A dropped connection, a timeout or an open circuit, after the retries: Polar did not answer.
            throw new AccessLinkException(AccessLinkErrorKind.ServerError, null, $"{request.Method} {request.RequestUri?.AbsolutePath}: no answer ({ex.Message})", LastRateLimit, ex);
        }

        if (RateLimitState.FromHeaders(response.Headers) is { } limit)
        {
            LastRateLimit = limit;
            foreach (var observer in observers) observer.Observe(limit);
        }

        if (noData.Contains(response.StatusCode))
        {
            response.Dispose();
            return null;
        }
        if (response.IsSuccessStatusCode) return response;

        var body = await response.Content.ReadAsStringAsync(ct);
        response.Dispose();
        throw new AccessLinkException(AccessLinkException.KindOf(response.StatusCode), response.StatusCode,
            $"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {Truncate(body)}", LastRateLimit);
    }

    public static T Read<T>(JsonElement element) where T : class
    {
        try
        {
            return PolarJsonReader.Read<T>(element);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw new AccessLinkException(AccessLinkErrorKind.MalformedResponse, null, $"Polar's {typeof(T).Name} did not have the expected shape: {ex.Message}", null, ex);
        }
    }

    public static List<T> ReadList<T>(JsonElement? element) where T : class =>
        element is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().Select(Read<T>).ToList() : [];

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
