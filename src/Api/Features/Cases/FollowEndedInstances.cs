using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Persistence;
using Qadam.Workflows.Reads;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// Timers and service-task jobs move instances without an HTTP command, so a case whose instance ended that way
/// would still say "in progress". The engine worker calls this after each pass: every such case takes its outcome,
/// with an audit event by the engine (every command, HTTP or engine, is audited).
/// </summary>
internal static class FollowEndedInstances
{
    public static async Task<int> RunAsync(
        QadamDbContext db, EngineReads reads, CommandTransaction command, TimeProvider time, int max, CancellationToken cancellationToken)
    {
        // One query across both schemas (same database): in-progress cases whose instance is no longer active.
        var ids = await db.Database.SqlQuery<Guid>($"""
            SELECT c.id AS "Value"
            FROM qadam.cases c JOIN workflows.instances i ON i.id = c.process_instance_id
            WHERE c.status = {CaseStatus.InProgress} AND i.status <> 'Active'
            ORDER BY c.updated_at
            LIMIT {max}
            """).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await command.RunAsync(AuditActor.System, async ct =>
            {
                var @case = await db.Cases.FromSql($"""SELECT * FROM qadam.cases WHERE id = {id} FOR UPDATE""").SingleAsync(ct);
                return await CasesApi.FollowInstanceAsync(@case, reads, time, ct) ? @case : null;
            }, followed => followed is null ? null : new AuditEntry("case.status-followed",
                JsonSerializer.SerializeToUtf8Bytes(new { @case = id, status = followed.Status }), id, followed.PathwayKey, followed.DefinitionVersion),
                cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }
}
