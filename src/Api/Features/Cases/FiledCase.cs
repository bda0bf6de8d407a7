using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Hosting;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Cases;

/// <summary>The answers of <c>POST /api/cases</c> once the request is well formed: the case filed, or why no version runs it.</summary>
internal static class FiledCase
{
    /// <summary>
    /// 201 with what the handler holds: the case it filed and whom it looked up (no second read).
    /// </summary>
    public static Created<CaseResponse> Created(Case filed, FilingSubject about) =>
        TypedResults.Created($"/api/cases/{filed.Id}", new CaseResponse(
            filed.Id, filed.Number, filed.PathwayKey, filed.DefinitionVersion, filed.Status, about.Student?.Iin, about.Student?.FullName,
            about.Code, filed.Ground, filed.FiledOn, filed.Language, filed.ApplicantName, filed.ProcessInstanceId,
            Stored(filed.CreatedAt), Stored(filed.UpdatedAt), filed.ProgrammeCode, filed.ProgrammeName));

    /// <summary>
    /// 422 when no version of the pathway is in force on the filing date: on filedOn when the pathway is published but starts
    /// later, on pathway when nothing of that key is published.
    /// </summary>
    public static async Task<ProblemHttpResult> NoVersionInForceAsync(
        VersionsInForce versions, FileCaseRequest request, CancellationToken cancellationToken) =>
        UnprocessableProblem.Create(await versions.AnyPublishedAsync(request.Pathway, cancellationToken)
            ? new Dictionary<string, string[]>
            {
                ["filedOn"] = [$"No version of '{request.Pathway}' is in force on {request.FiledOn:yyyy-MM-dd}: the pathway starts later."],
            }
            : new Dictionary<string, string[]> { ["pathway"] = [$"No published pathway '{request.Pathway}'."] });

    /// <summary>A time as PostgreSQL keeps it (microseconds), so the answer matches what a later read returns.</summary>
    private static DateTimeOffset Stored(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));
}
