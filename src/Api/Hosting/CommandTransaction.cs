using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Api.Features.Audit;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>
/// The unit of work of a command: begins the transaction on the API's context, enlists the engine's and the documents'
/// contexts (they share its connection), runs the command, saves, appends its audit event and commits, all in one call,
/// so a change never commits without its trail (as Camunda 7's command executor and wolverine's transactional middleware
/// wrap each command). A failure rolls everything back and leaves the contexts clean.
/// </summary>
public sealed class CommandTransaction(QadamDbContext db, WorkflowsDbContext workflows, DocumentsDbContext documents, AuditTrail audit)
{
    /// <summary>
    /// Runs <paramref name="command"/> in one transaction; <paramref name="record"/> names the audit event of its result
    /// (null: the command recorded nothing, e.g. it refused).
    /// </summary>
    public async Task<T> RunAsync<T>(
        AuditActor actor, Func<CancellationToken, Task<T>> command, Func<T, AuditEntry?> record, CancellationToken cancellationToken)
    {
        // The last saves before the commit: a failure rolls the whole command back, so a savepoint around them (two more
        // round trips) buys nothing.
        db.Database.AutoSavepointsEnabled = false;
        documents.Database.AutoSavepointsEnabled = false;
        // A command behind an Idempotency-Key joins the transaction its key's record was written in (IdempotencyKeyFilter),
        // so the record commits with the command or not at all; the command commits it.
        await using var transaction = db.Database.CurrentTransaction ?? await db.Database.BeginTransactionAsync(cancellationToken);
        var shared = transaction.GetDbTransaction();
        await workflows.Database.UseTransactionAsync(shared, cancellationToken);
        await documents.Database.UseTransactionAsync(shared, cancellationToken);
        try
        {
            var result = await command(cancellationToken);
            // The event is placed in the chain by the database at COMMIT (AuditTrail), so its lock is never held across a
            // round trip of this command; it is inserted with the command's own rows, in the same batch.
            if (record(result) is { } entry)
            {
                audit.Enlist(actor, entry);
            }

            await documents.SaveChangesAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            documents.ChangeTracker.Clear();
            workflows.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            await workflows.Database.UseTransactionAsync(null, CancellationToken.None);
            await documents.Database.UseTransactionAsync(null, CancellationToken.None);
        }
    }
}
