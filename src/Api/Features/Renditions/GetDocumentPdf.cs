using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Documents;
using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;

namespace Qadam.Api.Features.Renditions;

/// <summary>
/// <c>GET /api/documents/{id}/pdf</c>: the document to read on a phone, a PDF rendered from the signed DOCX. While it is
/// being rendered (the first time, or after a new signature) the answer is 202 with Retry-After; the caller asks again.
/// </summary>
internal static class GetDocumentPdf
{
    public static async Task<IResult> HandleAsync(
        Guid id, HttpContext http, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, PdfRenditionWorker worker,
        CancellationToken cancellationToken)
    {
        var document = await DocumentAccess.FindVisibleAsync(id, user, db, documents, cancellationToken);
        var source = document is null ? null : await PdfRenditionWorker.SourceAsync(id, documents, cancellationToken);
        if (document is null || source is null)
        {
            return TypedResults.NotFound();
        }

        var hash = PdfRenditionWorker.Hash(source);
        var pdf = await db.Set<PdfRendition>().AsNoTracking().Where(r => r.DocumentId == id && r.SourceSha256 == hash)
            .Select(r => r.Pdf).SingleOrDefaultAsync(cancellationToken);
        if (pdf is not null)
        {
            return TypedResults.File(pdf, "application/pdf", document.RegistryNumber + ".pdf");
        }

        worker.Request(id);
        http.Response.Headers.RetryAfter = "3";
        return TypedResults.Accepted((string?)null, new { status = "rendering" });
    }

    public static IEndpointRouteBuilder MapPdfRenditionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/documents/{id:guid}/pdf", HandleAsync).WithTags("Documents")
            .RequireAuthorization(QadamPolicies.ReadDocuments)
            .WithSummary("The document as a PDF to read on a phone, rendered by LibreOffice from the signed DOCX (still the original).")
            .WithDescription("200 application/pdf once rendered; 202 {\"status\":\"rendering\"} with Retry-After while it is "
                             + "being rendered; 404 outside the caller's cases.")
            .WithResponseExample(202, """{"status":"rendering"}""");
        return routes;
    }
}
