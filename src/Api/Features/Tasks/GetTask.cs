using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Documents;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Tasks;

/// <summary>
/// A document the task's person reviews, and signs when <paramref name="ToSign"/> (a signing step's current rendition): titles in
/// kk and ru, the registry number printed in it, whether its required signers have all signed (<paramref name="Signed"/>) and
/// whether the caller has (<paramref name="SignedByCaller"/>); the DOCX at <paramref name="ContentUrl"/>, its text in the web
/// app at <paramref name="PreviewUrl"/>.
/// </summary>
public sealed record TaskDocumentResponse(Guid Id, string RegistryNumber, string TemplateKey, string Language, bool Signed, string ContentUrl,
    string? DocumentType = null, string? TitleKk = null, string? TitleRu = null, bool ToSign = false, bool SignedByCaller = false,
    string? PreviewUrl = null);

/// <summary>
/// A task with its form-js schema (null when no form with its key is known), the keys of the form's fields, and the
/// documents its person reviews; <paramref name="Data"/> prefills the form (form-js data) where the pathway proposes its contents,
/// as the school's indicator table proposes the head's frost order (<paramref name="Proposal"/>).
/// </summary>
public sealed record TaskDetailResponse(
    TaskResponse Task, bool CallerIsCandidate, JsonObject? Form, IReadOnlyList<string>? FormFields, IReadOnlyList<TaskDocumentResponse> Documents,
    JsonObject? Data = null, Weather.WeatherOrderProposal? Proposal = null);

/// <summary><c>GET /api/tasks/{id}</c>: staff of the task's organisation may look; only candidates may claim or complete.</summary>
internal static class GetTask
{
    public static async Task<Results<Ok<TaskDetailResponse>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, DocumentsDbContext documents, FormCatalog forms,
        UserManager<QadamUser> users, Documents.Citations citations, CancellationToken cancellationToken)
    {
        var task = await TaskAccess.FindVisibleAsync(id, user, db, reads, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        var form = await forms.FindAsync(task.FormKey, cancellationToken);
        var described = await TaskResponses.DescribeAsync([task], db, citations, cancellationToken);
        var (keys, model) = await SigningStep.SignedKeysAsync(task, reads, cancellationToken);
        List<TaskDocumentResponse> listed;
        if (keys.Count > 0)
        {
            // A signing step lists what its person signs: the current rendition of each document it names.
            var toSign = await SigningStep.DocumentsAsync(task, keys, model, documents, cancellationToken);
            var ids = toSign.Select(d => d.Id).ToList();
            var iin = (await users.GetUserAsync(user))?.Iin;
            var byCaller = iin is null
                ? []
                : await documents.Signatures.AsNoTracking().Where(s => ids.Contains(s.DocumentId) && s.SignerIin == iin)
                    .Select(s => s.DocumentId).ToListAsync(cancellationToken);
            var signed = await DocumentSigners.FullySignedAsync([.. toSign.Select(d => (d.Id, d.DocumentType))], db, documents, cancellationToken);
            listed = [.. toSign.Select(d => new TaskDocumentResponse(d.Id, d.RegistryNumber, d.TemplateKey, d.Language.ToCode(), signed.Contains(d.Id),
                $"/api/documents/{d.Id}/content", d.DocumentType, d.TitleKk, d.TitleRu, ToSign: true, byCaller.Contains(d.Id),
                $"/app/documents/{d.Id}"))];
        }
        else
        {
            // A case's documents are on its case page; a per-school task of a mass pathway has no case, so the school's own
            // documents of the instance (its orders in kk and ru) come with the task.
            var own = task.BusinessKey is { } key && !Guid.TryParse(key, out _) && task.Organisation is { } organisation
                ? await documents.Documents.AsNoTracking()
                    .Where(d => d.CaseReference == key && d.OrganisationCode == organisation)
                    .OrderBy(d => d.CreatedAt).ThenBy(d => d.Language)
                    .Select(d => new { d.Id, d.RegistryNumber, d.TemplateKey, d.DocumentType, d.Language })
                    .ToListAsync(cancellationToken)
                : [];
            var signed = await DocumentSigners.FullySignedAsync([.. own.Select(d => (d.Id, d.DocumentType))], db, documents, cancellationToken);
            listed = [.. own.Select(d => new TaskDocumentResponse(d.Id, d.RegistryNumber, d.TemplateKey, d.Language.ToCode(), signed.Contains(d.Id),
                $"/api/documents/{d.Id}/content", d.DocumentType, PreviewUrl: $"/app/documents/{d.Id}"))];
        }

        // The head's frost order opens with what the school's own table proposed (order 103 para 12(1), 15): the values of
        // that school's instance of the weather day, not the region's. The classes and shift are not a field the head types:
        // the order prints them from the roster with the transfer's own selection (para 16(1), RenderSchoolOrdersActivity).
        var proposal = string.Equals(task.FormKey, Weather.WeatherOrderProposal.FormKey, StringComparison.Ordinal)
            && await reads.VariablesAtAsync(task.InstanceId, task.TokenId, cancellationToken) is { } variables
                ? Weather.WeatherOrderProposal.From(variables)
                : null;
        // Options a field takes from the case (the dean's pick of the student's plan) come as the form's data (form-js valuesKey).
        var options = form is not null && FormOptions.Needed(form.Source)
            && await reads.VariablesAtAsync(task.InstanceId, task.TokenId, cancellationToken) is { } taskVariables
                ? FormOptions.From(form.Source, taskVariables)
                : null;
        return TypedResults.Ok(new TaskDetailResponse(described[0], TaskAccess.IsCandidate(task, user), form?.Source.DeepClone().AsObject(),
            form?.Keys.ToList(), listed, options, proposal));
    }
}
