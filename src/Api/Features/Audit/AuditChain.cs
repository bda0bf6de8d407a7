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
    // One statement, not EF's SqlQuery: that composes and looks up a LINQ query around it on every call (the engine worker's
    // every pass, every read of a case's history), for a count no caller needs.
    public static Task PlaceAsync(QadamDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT qadam.audit_chain()", cancellationToken);
}
