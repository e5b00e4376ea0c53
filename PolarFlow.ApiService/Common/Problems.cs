using Microsoft.AspNetCore.Http.HttpResults;

namespace PolarFlow.ApiService.Common;

/// <summary>The ProblemDetails every feature answers with, so each error has one stable shape and type.</summary>
public static class Problems
{
    public const string ValidationType = "https://polarflow.dev/problems/validation";

    /// <summary>400 naming the parameter (also as the `parameter` extension).</summary>
    public static ProblemHttpResult Invalid(string parameter, string detail) =>
        TypedResults.Problem(statusCode: 400, title: $"Invalid {parameter}", detail: detail, type: ValidationType,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    /// <summary>
    /// Gives the validation problems of `AddValidation` the shape of <see cref="Invalid"/>: the first invalid parameter
    /// in the title and the `parameter` extension, every message in `errors`.
    /// </summary>
    public static void Shape(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } validation) return;
        var errors = validation.Errors.ToDictionary(e => QueryName(e.Key), e => e.Value);
        validation.Errors.Clear();
        foreach (var (key, value) in errors) validation.Errors[key] = value;
        var (parameter, messages) = errors.First();
        validation.Type = ValidationType;
        validation.Title = $"Invalid {parameter}";
        validation.Detail = string.Join(" ", messages);
        validation.Extensions["parameter"] = parameter;
    }

    /// <summary>
    /// The name a client sent: bound properties (`SwcMultiplier`) stand for snake_case query names (`swc_multiplier`).
    /// </summary>
    public static string QueryName(string member) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(member);

    public static ProblemHttpResult UnknownUser(string userId) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown user", detail: $"There is no user '{userId}'.", type: "https://polarflow.dev/problems/not-found");
}
