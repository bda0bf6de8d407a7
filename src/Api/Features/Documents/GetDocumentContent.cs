using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// <c>GET /api/documents/{id}/content</c>: the registered DOCX, byte for byte (its SHA-256 is the one in
/// the registry, which the detached signatures cover); with <c>?signed=true</c> the copy that also
/// carries the Office signatures, so Word or LibreOffice show it as signed.
/// </summary>
internal static class GetDocumentContent
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static async Task<Results<FileContentHttpResult, NotFound>> HandleAsync(
        Guid id, bool? signed, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var document = await DocumentAccess.FindVisibleAsync(id, user, db, documents, cancellationToken);
        if (document is null)
        {
            return TypedResults.NotFound();
        }

        var bytes = document.Content;
        if (signed == true)
        {
            var latest = await documents.Signatures.AsNoTracking()
                .Where(s => s.DocumentId == id && s.SignedPackage != null)
                .OrderByDescending(s => s.Position).Select(s => s.SignedPackage).FirstOrDefaultAsync(cancellationToken);
            bytes = latest ?? bytes;
        }

        return TypedResults.File(bytes, DocxType, document.RegistryNumber + ".docx");
    }
}
