using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Activities;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Notifications;

/// <summary>
/// Delivers the "notify" outbox topic into the parents' in-app feed (<see cref="CaseNotice"/>). It writes in the delivery's
/// own transaction, the one that marks the message processed, so a notice exists exactly when its message is done.
/// Messages of the emergency and weather pathways carry no case: their notices, one per student, were written by the mass
/// transfer itself, so there is nothing left to deliver here.
/// </summary>
internal sealed class CaseNoticeDelivery(QadamDbContext db, DeliveryTransaction delivery) : IOutboxHandler
{
    public string Topic => NotifyActivity.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Payload;
        if (!Guid.TryParse(payload["case"]?.GetValue<string>(), out var caseId)
            || await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => (Guid?)c.StudentId).SingleOrDefaultAsync(cancellationToken) is not { } studentId)
        {
            return;
        }

        if (delivery.Current is { } transaction && db.Database.CurrentTransaction is null)
        {
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
        }

        if (await db.CaseNotices.AnyAsync(n => n.MessageId == message.Id, cancellationToken))
        {
            return;
        }

        db.CaseNotices.Add(new CaseNotice(message.Id, caseId, studentId, payload["element"]?.GetValue<string>() ?? string.Empty,
            payload["textKk"]?.GetValue<string>() ?? string.Empty, payload["textRu"]?.GetValue<string>() ?? string.Empty,
            payload["legalBasis"]?.GetValue<string>(), message.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
    }
}
