using Microsoft.AspNetCore.Http.HttpResults;

namespace PolarFlow.ApiService.Common;

/// <summary>The ProblemDetails every feature answers with, so each error has one stable shape and type.</summary>
public static class Problems
{
    /// <summary>400 naming the parameter (also as the `parameter` extension).</summary>
    public static ProblemHttpResult Invalid(string parameter, string detail) =>
        TypedResults.Problem(statusCode: 400, title: $"Invalid {parameter}", detail: detail, type: "https://polarflow.dev/problems/validation",
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult UnknownUser(string userId) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown user", detail: $"There is no user '{userId}'.", type: "https://polarflow.dev/problems/not-found");
}
