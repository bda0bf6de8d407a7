using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Evidence;

/// <summary><c>GET /api/cases/{id}/evidence/{evidenceId}/content</c>: the stored bytes, served as the type they proved to be.</summary>
internal static class GetEvidenceContent
{
    public static async Task<Results<FileContentHttpResult, NotFound>> HandleAsync(
        Guid id, Guid evidenceId, ClaimsPrincipal user, QadamDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        // Always a download (Content-Disposition: attachment, from the file name) of the proven type, never sniffed as another.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!await CaseQueries.Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var evidence = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidenceId && e.CaseId == id, cancellationToken);
        return evidence is null
            ? TypedResults.NotFound()
            : TypedResults.File(evidence.Content, evidence.MediaType, evidence.FileName);
    }
}
