using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Qadam.Api.Hosting;

/// <summary>
/// PostgreSQL out of reach (refused or dropped connections, a server shutting down, no connection slots) is the
/// service being unavailable, not a fault in the request: 503 with Retry-After (RFC 9110 sections 15.6.4 and 10.2.3),
/// so clients and load balancers retry instead of reporting a bug.
/// </summary>
internal sealed partial class DatabaseUnavailableProblems(IProblemDetailsService problems, ILogger<DatabaseUnavailableProblems> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
        {
            return false;
        }

        LogUnavailable(logger, Innermost(exception).Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is unavailable.",
                Detail = $"The database cannot be reached at the moment; try again in {RetryAfterSeconds} seconds.",
            },
        });
    }

    /// <summary>Whether the exception, or one inside it, says the database is out of reach rather than the query being wrong.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P0x (operator intervention),
                // and 55000 "database is not accepting connections": https://www.postgresql.org/docs/current/errcodes-appendix.html
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                           || postgres.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                           || postgres.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState;
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The database is unavailable; answered 503: {Problem}")]
    private static partial void LogUnavailable(ILogger logger, string problem);
}
