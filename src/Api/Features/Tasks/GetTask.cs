using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Features.Tasks;

/// <summary>A document the task's person reviews and signs (a school's order under an emergency order or a weather decision).</summary>
public sealed record TaskDocumentResponse(Guid Id, string RegistryNumber, string TemplateKey, string Language, bool Signed, string ContentUrl);

/// <summary>
/// A task with its form-js schema (null when no form with its key is known), the keys of the form's fields, and the
/// documents its person reviews.
/// </summary>
public sealed record TaskDetailResponse(
    TaskResponse Task, bool CallerIsCandidate, JsonObject? Form, IReadOnlyList<string>? FormFields, IReadOnlyList<TaskDocumentResponse> Documents);

/// <summary><c>GET /api/tasks/{id}</c>: staff of the task's organisation may look; only candidates may claim or complete.</summary>
internal static class GetTask
{
    public static async Task<Results<Ok<TaskDetailResponse>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows, DocumentsDbContext documents, FormCatalog forms,
        CancellationToken cancellationToken)
    {
        var task = await TasksApi.FindVisibleAsync(id, user, db, workflows, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        var form = await forms.FindAsync(task.FormKey, cancellationToken);
        var described = await TasksApi.DescribeAsync([task], db, cancellationToken);
        // A case's documents are on its case page; a per-school task of a mass pathway has no case, so the school's own
        // documents of the instance (its orders in kk and ru) come with the task.
        var own = task.BusinessKey is { } key && !Guid.TryParse(key, out _) && task.Organisation is { } organisation
            ? await documents.Documents.AsNoTracking()
                .Where(d => d.CaseReference == key && d.OrganisationCode == organisation)
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Language)
                .Select(d => new { d.Id, d.RegistryNumber, d.TemplateKey, d.Language, Signed = documents.Signatures.Any(x => x.DocumentId == d.Id) })
                .ToListAsync(cancellationToken)
            : [];
        return TypedResults.Ok(new TaskDetailResponse(described[0], TasksApi.IsCandidate(task, user), form?.Source.DeepClone().AsObject(), form?.Keys.ToList(),
            [.. own.Select(d => new TaskDocumentResponse(d.Id, d.RegistryNumber, d.TemplateKey, d.Language.ToCode(), d.Signed, $"/api/documents/{d.Id}/content"))]));
    }
}
