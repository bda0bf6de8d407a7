using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;

namespace Qadam.Api.Features.Documents;

/// <summary>Maps <c>/api/documents</c> and <c>/api/cases/{id}/documents</c>.</summary>
internal static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/documents").WithTags("Documents").RequireAuthorization();
        group.MapGet("/{id:guid}", GetDocument.HandleAsync)
            .WithSummary("A registered document: number, template and process version, SHA-256, signatures.");
        group.MapGet("/{id:guid}/content", GetDocumentContent.HandleAsync)
            .WithSummary("The DOCX as registered; ?signed=true for the copy carrying the Office signatures.");
        group.MapPost("/{id:guid}/signatures", SignDocument.HandleAsync)
            .WithSummary("Sign: {\"mode\":\"server\"} (demo keys) or {\"cms\":\"<base64 detached CMS>\"} made by the signer's own tool.");
        group.MapGet("/{id:guid}/verification", VerifyDocument.HandleAsync)
            .WithSummary("Verifies every signature (CMS and in-package): signer, IIN, chain, validity, key usage, time.");
        routes.MapGet("/api/cases/{id:guid}/documents", ListForCaseAsync).WithTags("Documents").RequireAuthorization()
            .WithSummary("The documents a case produced.");
        return routes;
    }

    private static async Task<Results<Ok<List<DocumentResponse>>, NotFound>> ListForCaseAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!await CasesApi.Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var reference = id.ToString();
        var list = new List<DocumentResponse>();
        foreach (var document in await documents.Documents.AsNoTracking().Where(d => d.CaseReference == reference)
                     .OrderBy(d => d.CreatedAt).ToListAsync(cancellationToken))
        {
            list.Add(await GetDocument.DescribeAsync(document, documents, cancellationToken));
        }

        return TypedResults.Ok(list);
    }
}
