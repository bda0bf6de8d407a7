using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Audit;

/// <summary>
/// Writes an audit event for every command the engine runs by itself — a timer fired, a service task done —
/// in that command's transaction (every command, HTTP or engine, is audited). The engine's context shares this
/// scope's connection, so the audit row commits or rolls back with the change it records.
/// </summary>
internal sealed class EngineAudit(QadamDbContext db, AuditTrail audit) : IEngineCommandObserver
{
    public async Task RecordAsync(EngineCommandRecord record, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        try
        {
            var legalBasis = Documents.LegalCitation.Line(record.LegalBasis);
            await audit.AppendAsync(AuditActor.System,
                new AuditEntry("engine." + record.Action, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record)),
                    Guid.TryParse(record.BusinessKey, out var caseId) ? caseId : null, record.DefinitionKey, record.DefinitionVersion, legalBasis),
                cancellationToken);
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, cancellationToken);
        }
    }
}
