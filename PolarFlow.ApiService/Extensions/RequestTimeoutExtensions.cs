using Microsoft.AspNetCore.Http.Timeouts;
using PolarFlow.ApiService.Common;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// No request is held longer than `PolarFlow:RequestTimeoutSeconds` (default 10): past it, its work is cancelled
/// and the client gets 503 ProblemDetails with `Retry-After`, as when PostgreSQL hangs. Uploads and streamed
/// exports, which are long by nature, opt out with `DisableRequestTimeout()`.
/// </summary>
public static class RequestTimeoutExtensions
{
    public const string Setting = "PolarFlow:RequestTimeoutSeconds";

    public static IHostApplicationBuilder AddPolarFlowRequestTimeouts(this IHostApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue(Setting, 10);
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(seconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = async http =>
            {
                http.Response.Headers.RetryAfter = UnavailableExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = 503,
                        Title = "PolarFlow did not answer in time",
                        Detail = $"The request took longer than {seconds} s, most likely because the database is not answering. Try again shortly.",
                        Type = "https://polarflow.dev/problems/unavailable",
                    },
                });
            },
        });
        return builder;
    }
}
