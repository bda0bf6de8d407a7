using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Features.Audit;
using Qadam.Api.Hosting;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>The corrected effective date of a published version, and why (the act's real publication day, its source).</summary>
public sealed record EffectiveDateCorrectionRequest(DateOnly? EffectiveFrom, string? Reason);

/// <summary>A case the corrected date would bind to another version: it keeps the version it runs until migrated.</summary>
public sealed record RebindCaseResponse(
    Guid? CaseId, Guid InstanceId, DateOnly FiledOn, string Status, int BoundVersion, int? WouldBindVersion);

/// <summary>What a correction changes (the preview) or changed.</summary>
public sealed record EffectiveDateCorrectionResponse(
    string Key, int Version, DateOnly CurrentEffectiveFrom, DateOnly CorrectedEffectiveFrom, IReadOnlyList<RebindCaseResponse> CasesNotRebound,
    DefinitionVersionResponse? Corrected = null);

/// <summary>
/// <c>GET|POST /api/definitions/{key}/versions/{version}/effective-date-correction</c>: every manifest's <c>effectiveFrom</c>
/// takes the registration day for the day of first official publication (workflows/README.md, "Effective dates"); when the
/// legal department learns the real day it corrects the date here. GET previews the cases the new date would bind to another
/// version; POST corrects it, audited with who, when, the old and new date and the reason, and rebinds nobody: moving a case
/// to another version stays the explicit migration, case by case.
/// </summary>
internal static class CorrectEffectiveDate
{
    public static async Task<Results<Ok<EffectiveDateCorrectionResponse>, NotFound, ProblemHttpResult>> PreviewAsync(
        string key, int version, DateOnly? effectiveFrom, EngineReads reads, DefinitionStore store, CancellationToken cancellationToken)
    {
        if (await reads.VersionAsync(key, version, cancellationToken) is not { } definition)
        {
            return TypedResults.NotFound();
        }

        if (Problems(definition, effectiveFrom, reason: null, needsReason: false) is { Count: > 0 } problems)
        {
            return UnprocessableProblem.Create(problems);
        }

        var cases = await CasesAsync(store, key, version, effectiveFrom!.Value, cancellationToken);
        return TypedResults.Ok(new EffectiveDateCorrectionResponse(key, version, definition.EffectiveFrom!.Value, effectiveFrom.Value, cases));
    }

    public static async Task<Results<Ok<EffectiveDateCorrectionResponse>, NotFound, ProblemHttpResult>> CorrectAsync(
        string key, int version, EffectiveDateCorrectionRequest request, ClaimsPrincipal user, CommandTransaction command,
        EngineReads reads, DefinitionStore store, CancellationToken cancellationToken)
    {
        if (await reads.VersionAsync(key, version, cancellationToken) is not { } definition)
        {
            return TypedResults.NotFound();
        }

        if (Problems(definition, request.EffectiveFrom, request.Reason, needsReason: true) is { Count: > 0 } problems)
        {
            return UnprocessableProblem.Create(problems);
        }

        var corrected = request.EffectiveFrom!.Value;
        var cases = await CasesAsync(store, key, version, corrected, cancellationToken);
        if (definition.EffectiveFrom == corrected)
        {
            // Idempotent: the same correction again changes nothing and records nothing.
            return TypedResults.Ok(new EffectiveDateCorrectionResponse(key, version, corrected, corrected, cases, DefinitionResponses.ToResponse(definition)));
        }

        var actor = AuditActor.From(user);
        var (old, after) = await command.RunAsync(actor, ct => store.CorrectEffectiveDateAsync(key, version, corrected, ct),
            r => new AuditEntry("definition.effective-date-corrected", JsonSerializer.SerializeToUtf8Bytes(new
            {
                key, version, oldEffectiveFrom = r.Old, newEffectiveFrom = corrected, reason = request.Reason!.Trim(),
                casesNotRebound = cases.Select(c => c.CaseId ?? c.InstanceId),
            }), ProcessKey: key, ProcessVersion: version, LegalBasis: Documents.LegalCitation.Line(definition.LegalBasis)), cancellationToken);
        return TypedResults.Ok(new EffectiveDateCorrectionResponse(key, version, old, corrected, cases, DefinitionResponses.ToResponse(after)));
    }

    private static Dictionary<string, string[]> Problems(ProcessDefinition definition, DateOnly? effectiveFrom, string? reason, bool needsReason)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (definition.Status != DefinitionStatus.Published)
        {
            errors["version"] = ["Only a published version's effective date can be corrected; a draft gets its date when it is published."];
        }

        if (effectiveFrom is not { Year: >= 2000 and <= 2100 })
        {
            errors["effectiveFrom"] = ["The effective date must be between 2000 and 2100."];
        }

        if (needsReason && (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length is < 10 or > 2000))
        {
            errors["reason"] = ["Give the reason for the correction (10 to 2000 characters): the act's publication day and where it was found."];
        }

        return errors;
    }

    private static async Task<List<RebindCaseResponse>> CasesAsync(
        DefinitionStore store, string key, int version, DateOnly effectiveFrom, CancellationToken cancellationToken) =>
        [.. (await store.PreviewEffectiveDateAsync(key, version, effectiveFrom, cancellationToken))
            .Select(c => new RebindCaseResponse(Guid.TryParse(c.BusinessKey, out var id) ? id : null, c.InstanceId, c.ReferenceDate,
                c.Status.ToString(), c.BoundVersion, c.WouldBindVersion))];
}
