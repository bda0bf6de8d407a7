using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Qadam.Api.Hosting;

/// <summary>
/// Turns what minimal APIs throw for bad input (with <c>ThrowOnBadRequest</c>) into RFC 7807 problems that name the
/// field: malformed JSON, unknown or missing members (JSON path), a missing form file or parameter. Never a 500.
/// </summary>
internal sealed partial class BadRequestProblems(IProblemDetailsService problems, ILogger<BadRequestProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, message) = Describe(bad);
        // A problem tells the caller what is wrong with the input, never how the server is built (OWASP ASVS V7.4.1).
        message = TypeName().Replace(ParameterWithType().Replace(message, "\"${name}\""), "the expected type");
        LogBadRequest(logger, bad.StatusCode, field, message);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status400BadRequest ? "The request is malformed." : "The request cannot be accepted.",
                Detail = message,
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
            // The first sentence of System.Text.Json's message says what is wrong without the type names after it.
            var text = json.Message;
            var end = text.IndexOf(". Path:", StringComparison.Ordinal);
            return (field, end > 0 ? text[..end] + "." : text);
        }

        // "Required parameter \"IFormFile file\" was not provided from form file." names the parameter last in quotes.
        var quoted = ParameterName().Match(bad.Message);
        return (quoted.Success ? quoted.Groups["name"].Value : "$", bad.Message);
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();

    [System.Text.RegularExpressions.GeneratedRegex("\"[^\" ]+ (?<name>[A-Za-z0-9_]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ParameterWithType();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:System|Qadam|Microsoft|Npgsql)(?:\.[A-Za-z_][A-Za-z0-9_`]*)+")]
    private static partial System.Text.RegularExpressions.Regex TypeName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bad request ({Status}) in {Field}: {Problem}")]
    private static partial void LogBadRequest(ILogger logger, int status, string field, string problem);
}
