namespace PolarFlow.ApiService.Common;

/// <summary>A part PolarFlow needs (PostgreSQL, or Redis for a connect flow) is not answering: 503 with `Retry-After`.</summary>
public sealed class ServiceUnavailableException(string title, string detail) : Exception(detail)
{
    public string Title { get; } = title;
}
