using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Readiness;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// One school's part of a mass transfer, with its readiness for distance learning (ready, incomplete, outdated, none);
/// status "excluded" with the reason in Kazakh and Russian and its paragraph when the edition keeps it in class.
/// </summary>
public sealed record MassTransferSchoolResponse(
    string Organisation, string NameKk, string NameRu, int Total, int Done, string Status, string Readiness = "", IReadOnlyList<string>? MissingItems = null)
{
    /// <summary>Why the organisation's students were not moved, in Kazakh.</summary>
    public string? ExclusionReasonKk { get; init; }

    /// <summary>The same in Russian.</summary>
    public string? ExclusionReasonRu { get; init; }

    /// <summary>The paragraph that excludes it.</summary>
    public string? ExclusionLegalBasis { get; init; }
}

/// <summary>A school of the transfer that does not meet the requirements, with the requirements missing in Kazakh and Russian.</summary>
public sealed record SchoolNotReadyResponse(
    string Organisation, string NameKk, string NameRu, string Readiness, IReadOnlyList<string> Reasons,
    IReadOnlyList<MissingItemResponse> Missing);

/// <summary>
/// A mass transfer with its progress: done of total, per school; "failed" when its step became an incident.
/// <c>notReady</c> lists the schools that do not meet the requirements for distance learning (349 Annex 1 / 103 Annex 3),
/// so the region can see to their access to the LMS (349 Annex 2 para 14 / 103 para 23); the transfer is not held for them.
/// </summary>
public sealed record MassTransferResponse(
    Guid Id, Guid? OrderId, Guid InstanceId, string ElementId, string Direction, string Status, int Total, int Done, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, IReadOnlyList<MassTransferSchoolResponse> Schools, IReadOnlyList<SchoolNotReadyResponse>? NotReady = null);

/// <summary>
/// <c>GET /api/mass-transfers</c>: the transfers of an emergency order or a process instance, as the regional officer
/// watches them run. Progress is read from the per-school rows each chunk commits, so it moves while the step runs.
/// Callers see the schools within their scope only.
/// </summary>
internal static class GetMassTransfers
{
    public static async Task<Results<Ok<IReadOnlyList<MassTransferResponse>>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, EngineReads reads, TimeProvider time, CancellationToken cancellationToken,
        Guid? order = null, Guid? instance = null)
    {
        if (order is null == instance is null)
        {
            return UnprocessableProblem.Create("order", "Give exactly one of 'order' (an emergency order's id) or 'instance' (a process instance's id).");
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var transfers = await db.MassTransfers.AsNoTracking()
            .Where(t => order != null ? t.OrderId == order : t.InstanceId == instance)
            .OrderBy(t => t.StartedAt)
            .ToListAsync(cancellationToken);
        var ids = transfers.Select(t => t.Id).ToList();
        var schools = await db.MassTransferSchools.AsNoTracking()
            .Where(s => ids.Contains(s.TransferId))
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { School = s, o.Code, o.NameKk, o.NameRu })
            .OrderBy(s => s.Code)
            .ToListAsync(cancellationToken);
        var instances = transfers.Select(t => t.InstanceId).Distinct().ToList();
        var failing = await reads.OpenIncidentsAsync(instances, cancellationToken);

        var schoolIds = schools.Select(s => s.School.OrganisationId).Distinct().ToList();
        var schoolOrganisations = await db.Organisations.AsNoTracking().Where(o => schoolIds.Contains(o.Id)).ToListAsync(cancellationToken);
        var readiness = (await ReadinessAssessment.AssessAsync(db, schoolOrganisations, KazakhstanClock.Today(time), cancellationToken))
            .ToDictionary(r => r.Organisation, StringComparer.Ordinal);
        var visible = new List<MassTransferResponse>();
        foreach (var transfer in transfers)
        {
            var own = schools.Where(s => s.School.TransferId == transfer.Id && scope.CanSeeOrganisation(s.School.OrganisationId))
                .Select(s => new MassTransferSchoolResponse(s.Code, s.NameKk, s.NameRu, s.School.Total, s.School.Done, s.School.Status,
                    readiness[s.Code].Status, [.. readiness[s.Code].Missing.Select(m => m.Key)])
                {
                    ExclusionReasonKk = s.School.ExclusionReasonKk, ExclusionReasonRu = s.School.ExclusionReasonRu,
                    ExclusionLegalBasis = s.School.ExclusionLegalBasis,
                })
                .ToList();
            if (own.Count == 0)
            {
                continue;
            }

            // A school's own step is recorded as element/school; its incident names the element.
            var status = transfer.Status == TransferStatus.Running
                         && failing.Any(f => f.InstanceId == transfer.InstanceId && (f.ElementId == transfer.ElementId
                                                                                    || transfer.ElementId.StartsWith(f.ElementId + "/", StringComparison.Ordinal)))
                ? "failed"
                : transfer.Status;
            visible.Add(new MassTransferResponse(transfer.Id, transfer.OrderId, transfer.InstanceId, transfer.ElementId, transfer.Direction, status,
                own.Sum(s => s.Total), own.Sum(s => s.Done), transfer.StartedAt, transfer.FinishedAt, own,
                [.. own.Select(s => readiness[s.Organisation]).Where(r => !r.MeetsRequirements)
                    .Select(r => new SchoolNotReadyResponse(r.Organisation, r.NameKk, r.NameRu, r.Status, r.Reasons, r.Missing))]));
        }

        return TypedResults.Ok<IReadOnlyList<MassTransferResponse>>(visible);
    }
}
