using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Tables;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>One problem of a definition.</summary>
public sealed record DefinitionProblemResponse(string ElementId, string Message);

/// <summary>What validation found.</summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<DefinitionProblemResponse> Problems);

/// <summary>
/// <c>POST /api/definitions/validate</c>: the same checks as an upload, against the same catalog (registered
/// activities, existing keys), with nothing stored: the modeler calls it while the legal department edits.
/// </summary>
internal static class ValidateDefinition
{
    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, DefinitionStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await SaveDraft.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var problems = body.Value.Kind == DefinitionKind.Bpmn
            ? BpmnParser.Parse(body.Value.Content, await store.CatalogAsync(cancellationToken)).Problems
            : ConditionTable.Parse(body.Value.Content).Problems;
        return TypedResults.Ok(new ValidationResponse(problems.Count == 0, [.. problems.Select(p => new DefinitionProblemResponse(p.ElementId, p.Message))]));
    }
}
