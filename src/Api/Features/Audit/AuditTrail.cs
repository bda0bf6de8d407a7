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
/// on any node, each see the previous head and extend one chain.
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
}
