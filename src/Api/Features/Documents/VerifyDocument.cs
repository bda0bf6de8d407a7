using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Signatures;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// <c>GET /api/documents/{id}/verification</c>: per signature, the signer (subject, IIN/BIN), chain to the
/// trusted root, validity at signing time, key usage and signing time — for the detached CMS and for the
/// signatures inside the package. Fails on any changed byte.
/// </summary>
internal static class VerifyDocument
{
    public static async Task<Results<Ok<DocumentVerification>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, DocumentSigning signing, CancellationToken cancellationToken)
    {
        if (await DocumentAccess.FindVisibleAsync(id, user, db, documents, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await signing.VerifyAsync(id, cancellationToken));
    }
}
