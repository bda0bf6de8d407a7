using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// A document is readable by whoever may read its case (every query is scoped), or, when it has no case, by the
/// staff who see its issuing organisation; others get 404.
/// </summary>
internal static class DocumentAccess
{
    public static async Task<RegisteredDocument?> FindVisibleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var document = await documents.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (Guid.TryParse(document.CaseReference, out var caseId))
        {
            return await CaseQueries.Visible(db, scope).AnyAsync(c => c.Id == caseId, cancellationToken) ? document : null;
        }

        // A school's order under an emergency order or a weather decision belongs to no case: it is the school's, read by
        // its staff and the education authorities above it.
        var issuer = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Code == document.OrganisationCode, cancellationToken);
        return issuer is not null && scope.OrganisationId is not null && scope.CanSeeOrganisation(issuer.Id) ? document : null;
    }
}
