using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Evidence;

/// <summary><c>GET /api/cases/{id}/evidence</c>: the case's files (without bytes), oldest first.</summary>
internal static class ListEvidence
{
    public static async Task<Results<Ok<List<EvidenceResponse>>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!await CaseQueries.Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var list = await db.Evidence.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.UploadedAt)
            .Select(e => new EvidenceResponse(e.Id, e.CaseId, e.FileName, e.MediaType, e.Length, e.Sha256, e.UploadedBy, e.UploadedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list);
    }
}
