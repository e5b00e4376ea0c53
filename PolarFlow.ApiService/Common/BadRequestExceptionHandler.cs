using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace PolarFlow.ApiService.Common;

/// <summary>
/// Binding failures (a query value that is not the parameter's type, a missing or malformed JSON body) arrive as
/// <see cref="BadHttpRequestException"/>: answered as 400 ProblemDetails naming the parameter, never as a 500.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        var parameter = ParameterName().Match(bad.Message) is { Success: true } m ? Problems.QueryName(m.Groups[1].Value) : "body";
        var status = bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : StatusCodes.Status400BadRequest;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = status == 400 ? $"Invalid {parameter}" : "Request not accepted",
                Detail = Describe(bad, parameter),
                Type = Problems.ValidationType,
                Extensions = { ["parameter"] = parameter },
            },
        });
    }

    /// <summary>The framework's message without the C# type it quotes ("int? limit"), which means nothing to a client.</summary>
    private static string Describe(BadHttpRequestException bad, string parameter) => bad.Message switch
    {
        var text when text.StartsWith("Failed to bind parameter", StringComparison.Ordinal) =>
            $"The value of {parameter} is not valid for its type; see the OpenAPI document for its format.",
        var text when text.StartsWith("Required parameter", StringComparison.Ordinal) => $"{parameter} is required.",
        var text when text.Contains("as JSON", StringComparison.Ordinal) => "The request body is not valid JSON for this operation.",
        var text when text.Contains("Content-Type", StringComparison.OrdinalIgnoreCase) => "Send the body as application/json.",
        _ => "The request could not be read.",
    };

    // `Failed to bind parameter "int? limit" from "abc".`, `Required parameter "TokenImport body" was not provided ...`
    [GeneratedRegex("parameter \"[^\"]*? (\\w+)\"")]
    private static partial Regex ParameterName();
}
