using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;

namespace Qadam.Api.Features.Documents;

/// <summary>A document is readable by whoever may read its case (issue 5: every query is scoped); others get 404.</summary>
internal static class DocumentAccess
{
    public static async Task<RegisteredDocument?> FindVisibleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        var document = await documents.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !Guid.TryParse(document.CaseReference, out var caseId))
        {
            return null;
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        return await CasesApi.Visible(db, scope).AnyAsync(c => c.Id == caseId, cancellationToken) ? document : null;
    }
}
