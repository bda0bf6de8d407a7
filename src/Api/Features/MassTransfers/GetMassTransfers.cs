using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>One school's part of a mass transfer.</summary>
public sealed record MassTransferSchoolResponse(string Organisation, string NameKk, string NameRu, int Total, int Done, string Status);

/// <summary>A mass transfer with its progress: done of total, per school; "failed" when its step became an incident.</summary>
public sealed record MassTransferResponse(
    Guid Id, Guid? OrderId, Guid InstanceId, string ElementId, string Direction, string Status, int Total, int Done, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, IReadOnlyList<MassTransferSchoolResponse> Schools);

/// <summary>
/// <c>GET /api/mass-transfers</c>: the transfers of an emergency order or a process instance, as the regional officer
/// watches them run. Progress is read from the per-school rows each chunk commits, so it moves while the step runs.
/// Callers see the schools within their scope only.
/// </summary>
internal static class GetMassTransfers
{
    public static async Task<Results<Ok<IReadOnlyList<MassTransferResponse>>, ProblemHttpResult>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows, CancellationToken cancellationToken, Guid? order = null,
        Guid? instance = null)
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
        var failing = await workflows.Incidents.AsNoTracking()
            .Where(i => instances.Contains(i.InstanceId) && i.ResolvedAt == null)
            .Select(i => new { i.InstanceId, i.ElementId })
            .ToListAsync(cancellationToken);

        var visible = new List<MassTransferResponse>();
        foreach (var transfer in transfers)
        {
            var own = schools.Where(s => s.School.TransferId == transfer.Id && scope.CanSeeOrganisation(s.School.OrganisationId))
                .Select(s => new MassTransferSchoolResponse(s.Code, s.NameKk, s.NameRu, s.School.Total, s.School.Done, s.School.Status))
                .ToList();
            if (own.Count == 0)
            {
                continue;
            }

            var status = transfer.Status == TransferStatus.Running && failing.Any(f => f.InstanceId == transfer.InstanceId && f.ElementId == transfer.ElementId)
                ? "failed"
                : transfer.Status;
            visible.Add(new MassTransferResponse(transfer.Id, transfer.OrderId, transfer.InstanceId, transfer.ElementId, transfer.Direction, status,
                own.Sum(s => s.Total), own.Sum(s => s.Done), transfer.StartedAt, transfer.FinishedAt, own));
        }

        return TypedResults.Ok<IReadOnlyList<MassTransferResponse>>(visible);
    }
}
