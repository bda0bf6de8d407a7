using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Audit;

/// <summary>
/// Places the audit events still waiting in <c>qadam.audit_pending</c> in the chain, waiting for the chain's lock
/// (<c>qadam.audit_chain()</c>, migration <c>Audit_ChainWithoutWaiting</c>). A command's COMMIT places its event itself
/// when no other commit holds the lock, and otherwise leaves it for the next one, so writers never queue on the chain;
/// whoever reads the chain calls this first, and the engine worker once a second, so a reader always sees every
/// committed event.
/// </summary>
internal static class AuditChain
{
    /// <returns>How many events were placed.</returns>
    public static async Task<int> PlaceAsync(QadamDbContext db, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<int>("""SELECT qadam.audit_chain() AS "Value" """).ToListAsync(cancellationToken)).Single();
}
