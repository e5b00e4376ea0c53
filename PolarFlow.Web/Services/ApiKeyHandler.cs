using Microsoft.Extensions.Options;

namespace PolarFlow.Web.Services;

/// <summary>Adds the web's own API credential to every call to the API (browsers never see it).</summary>
public sealed class ApiKeyHandler(IOptions<WebOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove("X-API-Key");
        request.Headers.Add("X-API-Key", options.Value.ApiKey);
        return base.SendAsync(request, cancellationToken);
    }
}
