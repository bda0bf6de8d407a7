using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Execution;

/// <summary>Delivers outbox messages of one topic (notify a parent, send to a regional system …).</summary>
public interface IOutboxHandler
{
    /// <summary>The topic handled.</summary>
    string Topic { get; }

    /// <summary>Delivers one message; throwing leaves it for a later attempt.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers committed outbox messages at least once: each is claimed with FOR UPDATE SKIP LOCKED
/// (so two nodes never deliver the same one at once), marked processed in the same transaction,
/// and retried with back-off when its handler fails.
/// </summary>
public sealed partial class OutboxDelivery(WorkflowsDbContext db, IEnumerable<IOutboxHandler> handlers, TimeProvider time, ILogger<OutboxDelivery> logger)
{
    // The handler registered last for a topic wins: a host replaces a default (e.g. ThrownMessageLog) by adding its own.
    private readonly Dictionary<string, IOutboxHandler> _handlers =
        handlers.GroupBy(h => h.Topic, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    /// <summary>Delivers up to <paramref name="max"/> due messages; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var attempted = 0;
        while (attempted < max && await DeliverNextAsync(cancellationToken))
        {
            attempted++;
        }

        return attempted;
    }

    private async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = await db.Outbox
            .FromSqlInterpolated($"SELECT * FROM workflows.outbox WHERE processed_at IS NULL AND due_at <= {now} ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return false;
        }

        try
        {
            var handler = _handlers.GetValueOrDefault(message.Topic)
                          ?? throw new InvalidOperationException($"No handler for outbox topic '{message.Topic}'.");
            await handler.HandleAsync(message, cancellationToken);
            message.ProcessedAt = now;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = ex.Message;
            message.DueAt = now + TimeSpan.FromSeconds(Math.Min(3600, 10 * message.Attempts * message.Attempts));
            LogDeliveryFailed(logger, message.Id, message.Topic, message.Attempts, ex.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Topic}) not delivered, attempt {Attempt}: {Problem}")]
    private static partial void LogDeliveryFailed(ILogger logger, long messageId, string topic, int attempt, string problem);
}
