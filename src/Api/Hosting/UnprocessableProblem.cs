using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Qadam.Api.Hosting;

/// <summary>
/// 422 problem+json with <c>errors</c> keyed by field: well-formed input that the rules refuse (a filing date before
/// the pathway starts, a student outside the caller's scope, form data that does not fit the form). Malformed input
/// stays 400 (<see cref="BadRequestProblems"/>).
/// </summary>
internal static class UnprocessableProblem
{
    public static ProblemHttpResult Create(IDictionary<string, string[]> errors, string title = "One or more fields are not acceptable.") =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = title,
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            Extensions = { ["errors"] = errors },
        });

    public static ProblemHttpResult Create(string field, string message) =>
        Create(new Dictionary<string, string[]> { [field] = [message] });
}
