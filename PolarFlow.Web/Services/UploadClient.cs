using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace PolarFlow.Web.Services;

/// <summary>
/// Passes a Polar Flow export upload on to the API as it arrives (never buffered here). Its own client: an upload
/// of gigabytes outlives the standard handler's timeouts, and a half-sent stream cannot be retried.
/// </summary>
public sealed class UploadClient(HttpClient http)
{
    public async Task<ImportDto> UploadAsync(string userId, Stream body, string? contentType, long? length, CancellationToken ct)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/zip");
        if (length is { } l) content.Headers.ContentLength = l;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{Uri.EscapeDataString(userId)}/imports") { Content = content };
        var response = await ApiCalls.SendAsync(http, request, ct);
        await ApiCalls.EnsureAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<ImportDto>(JsonSerializerOptions.Web, ct))!;
    }
}
