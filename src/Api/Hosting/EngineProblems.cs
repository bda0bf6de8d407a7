using Microsoft.AspNetCore.Diagnostics;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Hosting;

/// <summary>
/// The one place engine errors become RFC 7807 problems (a 4xx problem, never a 500): not found 404,
/// a state that forbids the command (already completed, claimed by another, stale) 409, input or definition logic
/// that cannot be applied 422. A refused definition lists its problems under <c>errors</c> as <c>{elementId, message}</c>.
/// </summary>
internal sealed partial class EngineProblems(IProblemDetailsService problems, ILogger<EngineProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is DefinitionImmutableException immutable)
        {
            // Not an EngineException, but the same answer as any state that forbids the command.
            exception = new EngineException(EngineErrorKind.Conflict, immutable.Message, immutable);
        }

        if (exception is not EngineException engine)
        {
            return false;
        }

        var (status, title) = engine.Kind switch
        {
            EngineErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found."),
            EngineErrorKind.Conflict => (StatusCodes.Status409Conflict, "The command conflicts with the current state."),
            _ => (StatusCodes.Status422UnprocessableEntity, "The command cannot be applied."),
        };
        LogEngineError(logger, status, engine.GetType().Name, engine.Message);
        httpContext.Response.StatusCode = status;
        var details = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = engine.Message };
        if (engine is DefinitionRejectedException rejected)
        {
            // Each problem in the caller's language when its code has a wording (DefinitionProblemTexts), the English beside it.
            var language = ProblemLanguage.Of(httpContext.Request);
            details.Extensions["errors"] = rejected.Problems.Select(p => new
            {
                elementId = p.ElementId, message = DefinitionProblemTexts.Message(p, language),
                severity = p.Severity == ProblemSeverity.Warning ? "warning" : "error", code = p.Code, developerMessage = p.Message,
            }).ToList();
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Engine refused a command ({Status}, {Error}): {Problem}")]
    private static partial void LogEngineError(ILogger logger, int status, string error, string problem);
}
