using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>
/// The 409 for a change to a published (or retired) version's templates or forms: cases filed under it keep the documents
/// and screens it was published with, so a change goes to a new draft made from it (worded in kk and ru by ProblemTexts).
/// </summary>
internal static class PublishedVersionProblem
{
    public static ProblemHttpResult Create(string key, int version, DefinitionStatus status, string field)
    {
        var detail = $"Version {version} of '{key}' is {DefinitionResponses.StatusName(status)}: its templates and forms do not change; "
                     + $"save a new draft from it (POST /api/definitions/{key}/drafts) and change them there.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "The version is not a draft.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [field] = [detail] },
                ["version"] = version,
            });
    }
}
