using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The transaction the outbox delivery opened on the engine's connection for the message being delivered, for a handler
/// that writes the host's own rows in it (so they exist exactly when the message is marked processed); null outside a delivery.
/// </summary>
public sealed class DeliveryTransaction(WorkflowsDbContext db)
{
    /// <summary>The open transaction, or null when none is open on the engine's context.</summary>
    public DbTransaction? Current => db.Database.CurrentTransaction?.GetDbTransaction();
}
