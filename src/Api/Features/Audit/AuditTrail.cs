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
/// Appends to the audit chain inside the caller's transaction, so the event and the change it records commit together or not
/// at all. The event is written to <c>qadam.audit_pending</c> in one statement and placed in the chain by the database as the
/// transaction commits (a deferred constraint trigger, migration <c>Audit_PlacedAtCommit</c>): the chain's advisory lock,
/// the head, sequence + 1 and the v2 hash (<see cref="AuditEvent.ChainHash"/>). Concurrent writers, on any node, extend one
/// chain, and none waits for it: a commit that finds the lock taken leaves its event pending for the next holder, and
/// readers of the chain place what is pending first (<see cref="AuditChain"/>, migration <c>Audit_ChainWithoutWaiting</c>;
/// bench/Http/README.md, "Session 11").
/// </summary>
public sealed class AuditTrail(QadamDbContext db, TimeProvider time)
{
    /// <summary>
    /// Adds the event to the context, to be inserted by its next <c>SaveChanges</c> with the command's other rows (one round
    /// trip for all of them; <see cref="Qadam.Api.Hosting.CommandTransaction"/>); <see cref="AppendAsync"/> writes it at once.
    /// </summary>
    public void Enlist(AuditActor actor, AuditEntry entry) => db.Add(Pending(actor, entry));

    /// <summary>Writes the event at once, for a caller that saves its own rows before or without it.</summary>
    public async Task AppendAsync(AuditActor actor, AuditEntry entry, CancellationToken cancellationToken)
    {
        var pending = Pending(actor, entry);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO qadam.audit_pending (occurred_at, actor, role, organisation_code, action, case_id, process_key,
                process_version, legal_basis, payload_digest, content_digest)
            VALUES ({pending.OccurredAt}::timestamptz, {pending.Actor}::text, {pending.Role}::text, {pending.OrganisationCode}::text,
                {pending.Action}::text, {pending.CaseId}::uuid, {pending.ProcessKey}::text, {pending.ProcessVersion}::integer,
                {pending.LegalBasis}::text, {pending.PayloadDigest}::text, {pending.ContentDigest}::text)
            """, cancellationToken);
    }

    private PendingAuditEvent Pending(AuditActor actor, AuditEntry entry) =>
        db.Database.CurrentTransaction is null
            ? throw new InvalidOperationException("Audit events are appended inside the transaction of the command they record.")
            : new PendingAuditEvent(new AuditEvent(time.GetUtcNow(), actor, entry));
}
