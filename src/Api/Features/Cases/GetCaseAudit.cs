using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>One audit event of a case; <c>Actor</c> is the account, <c>ActorName</c> the person's name when it is a user.</summary>
public sealed record CaseAuditEventResponse(
    long Sequence, DateTimeOffset OccurredAt, string Actor, string Role, string? OrganisationCode, string Action,
    string? ProcessKey, int? ProcessVersion, string? LegalBasis, string PayloadDigest, string PreviousHash, string Hash,
    string? ActorName = null);

/// <summary><c>GET /api/cases/{id}/audit</c>: a case's audit is readable by those who may read the case.</summary>
internal static class GetCaseAudit
{
    public static async Task<Results<Ok<List<CaseAuditEventResponse>>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!await CaseQueries.Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Every committed event of the case, also one whose commit found the chain busy.
        await AuditChain.PlaceAsync(db, cancellationToken);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Sequence)
            .Select(e => new CaseAuditEventResponse(e.Sequence, e.OccurredAt, e.Actor, e.Role, e.OrganisationCode, e.Action,
                e.ProcessKey, e.ProcessVersion, e.LegalBasis, e.PayloadDigest, e.PreviousHash, e.Hash))
            .ToListAsync(cancellationToken);
        // The chain keeps the account name (it is what was signed into the hash); people read the person's name beside it.
        var accounts = events.Select(e => e.Actor).Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Users.AsNoTracking().Where(u => accounts.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, StringComparer.Ordinal, cancellationToken);
        return TypedResults.Ok(events.Select(e => e with { ActorName = names.GetValueOrDefault(e.Actor) }).ToList());
    }
}
