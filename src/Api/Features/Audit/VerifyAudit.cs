using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Audit;

/// <summary>The result of recomputing the chain; <see cref="FirstBrokenSequence"/> names the first event that does not hold.</summary>
public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem);

/// <summary><c>GET /api/audit/verify</c>: recomputes every hash from the stored columns, in order.</summary>
internal static class VerifyAudit
{
    public static async Task<Ok<AuditVerification>> HandleAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        // Every committed event, also those whose commit found the chain busy.
        await AuditChain.PlaceAsync(db, cancellationToken);
        var previousHash = AuditEvent.GenesisHash;
        long expected = 1;
        long checkedCount = 0;
        await foreach (var audit in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            string? problem = null;
            if (audit.Sequence != expected)
            {
                problem = $"Event {expected} is missing: the chain jumps to {audit.Sequence}.";
            }
            else if (!string.Equals(audit.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                problem = "Its previous hash is not the hash of the event before it.";
            }
            else if (!audit.HashHolds())
            {
                problem = "Its stored hash does not match its columns: the row was changed after it was written.";
            }

            if (problem is not null)
            {
                return TypedResults.Ok(new AuditVerification(false, checkedCount, audit.Sequence, problem));
            }

            checkedCount++;
            expected++;
            previousHash = audit.Hash;
        }

        return TypedResults.Ok(new AuditVerification(true, checkedCount, null, null));
    }
}
