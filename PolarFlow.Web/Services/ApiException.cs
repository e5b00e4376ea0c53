using System.Net;

namespace PolarFlow.Web.Services;

/// <summary>The API answered with an error: its ProblemDetails title and detail, ready to show in words.</summary>
public sealed class ApiException(HttpStatusCode status, string title, string? detail) : Exception(detail ?? title)
{
    public HttpStatusCode Status { get; } = status;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
}

/// <summary>The API could not be reached (down, restarting, or timing out).</summary>
public sealed class ApiUnavailableException(Exception inner) : Exception("PolarFlow's API is not answering.", inner);
