using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;

namespace Qadam.Api.Features.Documents;

/// <summary>One signature on a document, as stored.</summary>
public sealed record DocumentSignatureResponse(Guid Id, string SignerSubject, string? SignerIin, string? SignerBin, DateTimeOffset SigningTime);

/// <summary>A registered document: its number, where it came from, its digest and signatures.</summary>
public sealed record DocumentResponse(
    Guid Id, string RegistryNumber, string DocumentType, string OrganisationCode, string Language, string Sha256, string TemplateKey,
    int TemplateVersion, string ProcessKey, string ProcessVersion, string? CaseId, DateTimeOffset CreatedAt,
    IReadOnlyList<DocumentSignatureResponse> Signatures);

/// <summary><c>GET /api/documents/{id}</c> and the documents of a case.</summary>
internal static class GetDocument
{
    public static async Task<Results<Ok<DocumentResponse>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var document = await DocumentAccess.FindVisibleAsync(id, user, db, documents, cancellationToken);
        return document is null ? TypedResults.NotFound() : TypedResults.Ok(await DescribeAsync(document, documents, cancellationToken));
    }

    public static async Task<DocumentResponse> DescribeAsync(RegisteredDocument document, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var signatures = await documents.Signatures.AsNoTracking().Where(s => s.DocumentId == document.Id).OrderBy(s => s.Position)
            .Select(s => new DocumentSignatureResponse(s.Id, s.SignerSubject, s.SignerIin, s.SignerBin, s.SigningTime))
            .ToListAsync(cancellationToken);
        return new DocumentResponse(document.Id, document.RegistryNumber, document.DocumentType, document.OrganisationCode,
            document.Language.ToString().ToLowerInvariant(), document.Sha256, document.TemplateKey, document.TemplateVersion, document.ProcessKey,
            document.ProcessVersion, document.CaseReference, document.CreatedAt, signatures);
    }
}
