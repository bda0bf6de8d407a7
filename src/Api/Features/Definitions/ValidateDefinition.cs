using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Features.Tasks;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Tables;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>
/// One problem of a definition: <c>error</c> (the engine cannot run it: the upload is refused) or <c>warning</c> (only
/// publishing needs it: candidate roles, a bound activity, form, template, table or called definition).
/// </summary>
public sealed record DefinitionProblemResponse(string ElementId, string Message, string Severity = "error")
{
    /// <summary>The response form of an engine problem.</summary>
    public static DefinitionProblemResponse From(DefinitionProblem problem) =>
        new(problem.ElementId, problem.Message, problem.Severity == ProblemSeverity.Warning ? "warning" : "error");
}

/// <summary>
/// What validation found: <c>valid</c> when it may be published (no problem at all), <c>canSave</c> when it may be saved
/// as a draft (warnings only).
/// </summary>
public sealed record ValidationResponse(bool Valid, IReadOnlyList<DefinitionProblemResponse> Problems)
{
    /// <summary>True when no problem is an error: the draft can be saved, its warnings listed beside it.</summary>
    public bool CanSave => Problems.All(p => p.Severity == "warning");
}

/// <summary>
/// <c>POST /api/definitions/validate</c>: the same checks as an upload, against the same catalog (registered
/// activities, existing keys), with nothing stored: the modeler calls it while the legal department edits.
/// </summary>
internal static class ValidateDefinition
{
    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> HandleAsync(
        HttpRequest request, DefinitionStore store, FormCatalog forms, CancellationToken cancellationToken)
    {
        var (body, problem) = await SaveDraft.ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var problems = body.Value.Kind == DefinitionKind.Bpmn
            ? BpmnParser.Parse(body.Value.Content, await store.CatalogAsync(cancellationToken)).Problems
            : ConditionTable.Parse(body.Value.Content).Problems;
        var responses = problems.Select(DefinitionProblemResponse.From).ToList();
        if (body.Value.Kind == DefinitionKind.Bpmn && problems.All(p => p.Severity == ProblemSeverity.Warning))
        {
            // What publishing refuses is said while the legal department edits: a task whose form does not exist.
            var missing = await PublishDefinition.MissingFormsAsync(body.Value.Content, forms, cancellationToken);
            responses.AddRange(missing.Select(m => new DefinitionProblemResponse(m.Key, string.Join(" ", m.Value), "warning")));
        }

        return TypedResults.Ok(new ValidationResponse(responses.Count == 0, responses));
    }
}
