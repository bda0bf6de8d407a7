using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// A filing repeated with the same Idempotency-Key returns the case the first one made. That it is the same filing is
/// checked before the handler runs, for every endpoint that honours the key (<see cref="Idempotency.IdempotencyKeyFilter"/>:
/// another body is 422 naming the key, draft-ietf-httpapi-idempotency-key-header section 2.6).
/// </summary>
internal static class IdempotentFiling
{
    public static async Task<Results<Created<CaseResponse>, ProblemHttpResult>?> ReplayAsync(
        QadamDbContext db, string subject, string key, CancellationToken cancellationToken)
    {
        var first = await db.Cases.AsNoTracking().Where(c => c.ApplicantId == subject && c.IdempotencyKey == key)
            .Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (first is not { } id)
        {
            return null;
        }

        var response = await CaseQueries.Project(db, db.Cases.AsNoTracking().Where(c => c.Id == id)).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/cases/{id}", response);
    }
}
