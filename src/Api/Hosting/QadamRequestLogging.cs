using Microsoft.AspNetCore.Diagnostics;
using Serilog;
using Serilog.Events;

namespace Qadam.Api.Hosting;

/// <summary>
/// One line per request, written after the exception handlers have chosen the answer: a bad request turned into a 400
/// problem is logged as a 400 (not as the 500 the exception would have been), and a real 500 is one Error line carrying
/// its exception. Paths are logged without query strings, and IINs in them are masked (IinRedaction).
/// </summary>
internal static class QadamRequestLogging
{
    public static IApplicationBuilder UseQadamRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o =>
        {
            // The host's logger (QadamLogging: compact JSON, the overrides), taken once. Left unset, the middleware asks the
            // static bootstrap logger for a context logger on every request; that logger is never frozen
            // (preserveStaticLogger), so each request took its lock: 7 % of the inbox's CPU under 100 connections in a
            // dotnet-trace profile (bench/Http/README.md).
            o.Logger = app.ApplicationServices.GetService<Serilog.ILogger>()?.ForContext("SourceContext", "Serilog.AspNetCore.RequestLoggingMiddleware");
            o.IncludeQueryInRequestPath = false;
            o.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= StatusCodes.Status500InternalServerError
                    ? LogEventLevel.Error
                    : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                if (http.Response.StatusCode >= StatusCodes.Status500InternalServerError
                    && http.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
                {
                    diagnostics.SetException(error);
                }
            };
        });
}
