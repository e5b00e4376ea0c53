using System.Net;

namespace PolarFlow.AccessLink;

public enum AccessLinkErrorKind
{
    /// <summary>401: the token was revoked or has expired; the user must authorize again.</summary>
    TokenRevoked,
    /// <summary>403: the user has not accepted Polar's mandatory consents (or is not registered).</summary>
    ConsentMissing,
    /// <summary>429: a rate-limit window is spent; see <see cref="AccessLinkException.RateLimit"/> for the reset.</summary>
    RateLimited,
    /// <summary>400: a bad or too old date, or a range too long.</summary>
    BadRequest,
    NotFound,
    Conflict,
    /// <summary>5xx after the retries.</summary>
    ServerError,
    /// <summary>Polar answered, but not with JSON of the expected shape.</summary>
    MalformedResponse,
    Other,
}

/// <summary>A Polar answer that means failure; its kind says what the caller should do.</summary>
public sealed class AccessLinkException(AccessLinkErrorKind kind, HttpStatusCode? status, string message, RateLimitState? rateLimit = null, Exception? inner = null)
    : Exception(message, inner)
{
    public AccessLinkErrorKind Kind { get; } = kind;
    public HttpStatusCode? StatusCode { get; } = status;
    public RateLimitState? RateLimit { get; } = rateLimit;

    public static AccessLinkErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        401 => AccessLinkErrorKind.TokenRevoked,
        403 => AccessLinkErrorKind.ConsentMissing,
        429 => AccessLinkErrorKind.RateLimited,
        400 => AccessLinkErrorKind.BadRequest,
        404 => AccessLinkErrorKind.NotFound,
        409 => AccessLinkErrorKind.Conflict,
        >= 500 => AccessLinkErrorKind.ServerError,
        _ => AccessLinkErrorKind.Other,
    };
}
