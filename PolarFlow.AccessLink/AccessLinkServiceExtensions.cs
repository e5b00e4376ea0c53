using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace PolarFlow.AccessLink;

public static class AccessLinkServiceExtensions
{
    /// <summary>
    /// The typed clients with Polar's retry rules: retry 5xx, 408 and timeouts with backoff; never a 4xx, and not
    /// 429 either: its reset is minutes away, so the caller stops and waits (the exception carries the reset).
    /// </summary>
    public static IServiceCollection AddAccessLink(this IServiceCollection services, string section = AccessLinkOptions.Section)
    {
        services.AddOptions<AccessLinkOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        // The service defaults give every client the standard handler, which retries 429; ours replaces it
        // rather than stacking a second pipeline on top (RemoveAllResilienceHandlers is marked experimental).
#pragma warning disable EXTEXP0001
        services.AddHttpClient<AccessLinkClient>(Configure).RemoveAllResilienceHandlers().AddStandardResilienceHandler().Configure(Resilience);
        services.AddHttpClient<AccessLinkPartnerClient>(Configure).RemoveAllResilienceHandlers().AddStandardResilienceHandler().Configure(Resilience);
#pragma warning restore EXTEXP0001
        return services;
    }

    private static void Configure(IServiceProvider services, HttpClient http) =>
        http.BaseAddress = services.GetRequiredService<IOptions<AccessLinkOptions>>().Value.BaseUrl;

    public static void Resilience(HttpStandardResilienceOptions options, IServiceProvider services)
    {
        var accessLink = services.GetRequiredService<IOptions<AccessLinkOptions>>().Value;
        options.Retry.MaxRetryAttempts = accessLink.MaxRetryAttempts;
        options.Retry.Delay = accessLink.RetryBaseDelay;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken));
        // Open only when Polar is mostly failing, not at the standard 10%: a flaky minute should slow a sync, not stop it.
        options.CircuitBreaker.FailureRatio = 0.5;
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken));
    }

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested, // the connection was dropped
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
