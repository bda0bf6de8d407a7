using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Hosting;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>The act, edition and paragraph a version transcribes.</summary>
public sealed record LegalBasisRequest(string Act, string? Edition = null, string? Paragraph = null);

/// <summary>From when, and under which act, a version applies.</summary>
public sealed record PublishRequest(DateOnly EffectiveFrom, LegalBasisRequest LegalBasis);

/// <summary>
/// <c>POST /api/definitions/{key}/versions/{version}/publish</c>: from <c>effectiveFrom</c> new cases bind to the
/// version; the audit event carries the legal basis, so the trail shows under which edition of
/// which order each pathway ran.
/// </summary>
internal static class PublishDefinition
{
    public static async Task<Results<Ok<DefinitionVersionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string key, int version, PublishRequest request, ClaimsPrincipal user, CommandTransaction command, EngineReads reads,
        DocumentsDbContext documents, DefinitionStore store, FormCatalog forms, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.LegalBasis.Act) || request.LegalBasis.Act.Length > 300)
        {
            errors["legalBasis.act"] = ["The act is required (at most 300 characters), e.g. \"Приказ МП РК от 27.11.2023 № 349\"."];
        }

        if (request.LegalBasis.Edition is { Length: > 100 } || request.LegalBasis.Paragraph is { Length: > 300 })
        {
            errors["legalBasis"] = ["The edition has at most 100 characters, the paragraph at most 300."];
        }

        if (request.EffectiveFrom.Year is < 2000 or > 2100)
        {
            errors["effectiveFrom"] = ["The effective date must be between 2000 and 2100."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await PublishProblemsAsync(key, version, reads, documents, forms, cancellationToken) is { Count: > 0 } missing)
        {
            return UnprocessableProblem.Create(missing,
                "The version cannot be published: documents it renders have no template, or tasks have no form.");
        }

        var basis = new LegalBasis(request.LegalBasis.Act.Trim(), request.LegalBasis.Edition, request.LegalBasis.Paragraph);
        var actor = AuditActor.From(user);
        var published = await command.RunAsync(actor, ct => store.PublishAsync(key, version, request.EffectiveFrom, basis, actor.Name, ct),
            _ => new AuditEntry("definition.published", JsonSerializer.SerializeToUtf8Bytes(request),
                ProcessKey: key, ProcessVersion: version, LegalBasis: Documents.LegalCitation.Line(basis)), cancellationToken);
        return TypedResults.Ok(DefinitionResponses.ToResponse(published));
    }

    /// <summary>
    /// Everything publishing refuses: missing templates (<see cref="MissingTemplatesAsync"/>) and forms (<see cref="MissingFormsAsync"/>).
    /// </summary>
    public static async Task<Dictionary<string, string[]>> PublishProblemsAsync(
        string key, int version, EngineReads reads, DocumentsDbContext documents, FormCatalog forms, CancellationToken cancellationToken)
    {
        var definition = await reads.BpmnVersionAsync(key, version, cancellationToken);
        var problems = await MissingTemplatesAsync(key, version, definition, documents, cancellationToken);
        if (definition is not null)
        {
            foreach (var (field, messages) in await MissingFormsAsync(definition.Content, forms, cancellationToken))
            {
                var formKey = field["forms.".Length..];
                problems[field] = [.. messages.Select(m =>
                    $"Version {version}: {m} Create it (PUT /api/definitions/{key}/versions/{version}/forms/{formKey}) before publishing.")];
            }
        }

        return problems;
    }

    /// <summary>
    /// One problem per form key the BPMN's user tasks name (qadam:formKey) without a form: the task would show no fields and
    /// accept any data, so such a version is not published. Keyed <c>forms.&lt;formKey&gt;</c>, naming the tasks.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> MissingFormsAsync(
        string bpmn, FormCatalog forms, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tasks = (BpmnParser.Parse(bpmn).Model?.Nodes ?? []).OfType<UserTask>()
            .Where(t => t.Extension.FormKey is not null)
            .GroupBy(t => t.Extension.FormKey!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in tasks)
        {
            if (await forms.FindAsync(group.Key, cancellationToken) is null)
            {
                missing[$"forms.{group.Key}"] =
                [
                    $"The task {string.Join(", ", group.Select(t => $"'{t.Id}'"))} names the form '{group.Key}', which does not exist.",
                ];
            }
        }

        return missing;
    }

    /// <summary>
    /// One problem per document <paramref name="definition"/> (version <paramref name="version"/> of <paramref name="key"/>, or
    /// null when there is no such BPMN version) renders (qadam:templateKey) without a template in Kazakh or in Russian: a case
    /// filed under it would stop at that step, so such a version is not published (and validate and dry run say the same).
    /// </summary>
    private static async Task<Dictionary<string, string[]>> MissingTemplatesAsync(
        string key, int version, ProcessDefinition? definition, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rendered = definition is null
            ? []
            : BpmnParser.Parse(definition.Content).Model?.Nodes.Select(n => n.Extension.TemplateKey).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        if (rendered.Count == 0)
        {
            return missing;
        }

        var processVersion = version.ToString(CultureInfo.InvariantCulture);
        var present = (await documents.Templates.AsNoTracking().Where(t => t.ProcessKey == key && t.ProcessVersion == processVersion)
                .Select(t => new { t.Key, t.Language }).ToListAsync(cancellationToken))
            .Select(t => (t.Key, t.Language)).ToHashSet();
        foreach (var templateKey in rendered)
        {
            foreach (var language in new[] { DocumentLanguage.Kk, DocumentLanguage.Ru }.Where(l => !present.Contains((templateKey, l))))
            {
                missing[$"templates.{templateKey}.{language.ToCode()}"] =
                [
                    $"Version {version} renders '{templateKey}' but has no {language.ToCode()} template for it: "
                    + $"upload one (POST /api/definitions/{key}/versions/{version}/templates) before publishing.",
                ];
            }
        }

        return missing;
    }
}
