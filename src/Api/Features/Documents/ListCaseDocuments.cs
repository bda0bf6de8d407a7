using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;

namespace Qadam.Api.Features.Documents;

/// <summary><c>GET /api/cases/{id}/documents</c>: the documents of a case the caller may read, oldest first, without their bytes.</summary>
internal static class ListCaseDocuments
{
    public static async Task<Results<Ok<List<DocumentResponse>>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!await CaseQueries.Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Two queries for the whole list, and without the documents' bytes: a listing needs none of them.
        var reference = id.ToString();
        var rows = await documents.Documents.AsNoTracking().Where(d => d.CaseReference == reference).OrderBy(d => d.CreatedAt)
            .Select(d => new
            {
                d.Id, d.RegistryNumber, d.DocumentType, d.OrganisationCode, d.Language, d.Sha256, d.TemplateKey, d.TemplateVersion,
                d.ProcessKey, d.ProcessVersion, d.CaseReference, d.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var signatures = (await documents.Signatures.AsNoTracking().Where(s => ids.Contains(s.DocumentId)).OrderBy(s => s.Position)
                .Select(s => new
                {
                    s.DocumentId,
                    Response = new DocumentSignatureResponse(s.Id, s.SignerSubject, s.SignerIin, s.SignerBin, s.SigningTime),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.DocumentId, s => s.Response);
        return TypedResults.Ok(rows.Select(d => new DocumentResponse(d.Id, d.RegistryNumber, d.DocumentType, d.OrganisationCode,
            d.Language.ToString().ToLowerInvariant(), d.Sha256, d.TemplateKey, d.TemplateVersion, d.ProcessKey, d.ProcessVersion,
            d.CaseReference, d.CreatedAt, [.. signatures[d.Id]])).ToList());
    }
}
