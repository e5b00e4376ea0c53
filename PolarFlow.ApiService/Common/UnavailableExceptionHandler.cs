using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolarFlow.ApiService.Common;

/// <summary>
/// PostgreSQL down, restarting or hung (a failed connection, a command timeout, retries spent), or a
/// <see cref="ServiceUnavailableException"/>: 503 ProblemDetails with `Retry-After`, never a 500 or a stack trace.
/// </summary>
public sealed partial class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (title, detail) = exception switch
        {
            ServiceUnavailableException e => (e.Title, e.Message),
            _ when IsDatabaseOutage(exception) => ("The database is unavailable", "PostgreSQL is not answering. Try again in a few seconds."),
            _ => (null, null),
        };
        if (title is null || http.Response.HasStarted) return false;
        LogUnavailable(logger, exception, http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = 503, Title = title, Detail = detail, Type = "https://polarflow.dev/problems/unavailable" },
        });
    }

    /// <summary>Whether the exception (or one it wraps) says the database could not be reached or did not answer.</summary>
    public static bool IsDatabaseOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // A server error (a constraint, bad SQL) is a bug, not an outage: only shutdown and connection states count.
            if (e is PostgresException pg) return pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal);
            if (e is NpgsqlException or TimeoutException or RetryLimitExceededException) return true;
            if (e is DbException { IsTransient: true }) return true;
        }
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Answered 503 for {Path}: a part PolarFlow needs is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string path);
}
