using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Audit;

/// <summary>Who acts: a user, an integration client, or the engine.</summary>
public sealed record AuditActor(string Name, string Roles, string? OrganisationCode)
{
    public static AuditActor System { get; } = new("system", "engine", null);

    public static AuditActor From(ClaimsPrincipal principal) =>
        new(
            // Users carry their user name here; an integration client has none, so its client id (the subject) names it.
            principal.FindFirstValue(Claims.PreferredUsername) ?? principal.FindFirstValue(Claims.Subject) ?? "anonymous",
            string.Join(',', principal.FindAll(Claims.Role).Select(c => c.Value).Order(StringComparer.Ordinal)),
            principal.FindFirstValue(QadamClaims.OrganisationCode));
}

/// <summary>What happened: the action's name and the payload whose digest the chain keeps.</summary>
public sealed record AuditEntry(
    string Action, byte[] Payload, Guid? CaseId = null, string? ProcessKey = null, int? ProcessVersion = null, string? LegalBasis = null);

/// <summary>
/// Appends to the audit chain inside the caller's transaction, so the event and the change it records commit
/// together or not at all. Appends are serialised by a transaction-scoped advisory lock: concurrent writers,
/// on any node, each see the previous head and extend one chain. The lock is held until the commit, so every writer waits
/// for the one before it to commit: <see cref="AppendLastAsync"/> takes it as late as it can.
/// </summary>
public sealed class AuditTrail(QadamDbContext db, TimeProvider time)
{
    /// <summary>Advisory lock key of the chain head ("qadamaud" as ASCII).</summary>
    private const long ChainLockKey = 0x716164616D617564;

    public async Task<AuditEvent> AppendAsync(AuditActor actor, AuditEntry entry, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events are appended inside the transaction of the command they record.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", cancellationToken);
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var audit = new AuditEvent(
            (head?.Sequence ?? 0) + 1, time.GetUtcNow(), actor, entry, head?.Hash ?? AuditEvent.GenesisHash);
        db.AuditEvents.Add(audit);
        return audit;
    }

    /// <summary>
    /// Appends the event as the last statement before the caller commits, in one round trip: takes the chain's lock, then
    /// inserts the event with the head's sequence and hash, PostgreSQL hashing the link (<see cref="AuditEvent.ChainHash"/>).
    /// The chain is then held only for that statement and the commit, not for the command's other writes: with
    /// <see cref="AppendAsync"/> early in a command, every writer waited for all of the one before it (the p99 of task
    /// completions). The caller must commit right after, with nothing else to save.
    /// </summary>
    public async Task AppendLastAsync(AuditActor actor, AuditEntry entry, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit events are appended inside the transaction of the command they record.");
        }

        var audit = new AuditEvent(time.GetUtcNow(), actor, entry);
        var content = audit.ContentDigest();
        // Two statements, one round trip: under READ COMMITTED each statement has its own snapshot, so the INSERT, which starts
        // after the lock is granted, sees the head the previous holder committed (one statement taking the lock and reading
        // the head would read it from before the wait).
        await db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock({ChainLockKey});
            INSERT INTO qadam.audit_events (sequence, occurred_at, actor, role, organisation_code, action, case_id, process_key,
                process_version, legal_basis, payload_digest, previous_hash, hash)
            SELECT head.sequence + 1, {audit.OccurredAt}::timestamptz, {audit.Actor}::text, {audit.Role}::text,
                {audit.OrganisationCode}::text, {audit.Action}::text, {audit.CaseId}::uuid, {audit.ProcessKey}::text,
                {audit.ProcessVersion}::integer, {audit.LegalBasis}::text, {audit.PayloadDigest}::text, head.hash,
                encode(sha256(convert_to({content}::text || ':' || (head.sequence + 1)::text || ':' || head.hash, 'UTF8')), 'hex')
            FROM (SELECT 0::bigint AS sequence, {AuditEvent.GenesisHash}::text AS hash
                  UNION ALL (SELECT sequence, hash::text FROM qadam.audit_events ORDER BY sequence DESC LIMIT 1)) AS head
            ORDER BY head.sequence DESC LIMIT 1
            """, cancellationToken);
    }
}
