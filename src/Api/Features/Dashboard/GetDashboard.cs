using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Dashboard;

/// <summary>How many cases of a pathway are in a status.</summary>
public sealed record CasesCount(string Pathway, string Status, int Count);

/// <summary>
/// Open tasks, those past their due date, and those that have a due date at all: while the editions in force set no
/// deadline for the open steps (<c>WithDeadline</c> is 0), "none overdue" says nothing and the screen explains so instead.
/// </summary>
public sealed record TaskCounts(int Open, int Overdue, int WithDeadline = 0);

/// <summary>A step with overdue tasks: how many and since when.</summary>
public sealed record OverdueStep(string DefinitionKey, string ElementId, string? LabelKk, string? LabelRu, int Count, DateTimeOffset OldestDueAt);

/// <summary>Schools and colleges of a region moved to distance learning by emergency orders from a date (the period's start).</summary>
public sealed record TransferPoint(string Region, string NameKk, string NameRu, DateOnly Date, int Orders, int Organisations);

/// <summary>The dashboard: cases by pathway and status, overdue tasks, transfers by region over time.</summary>
public sealed record DashboardResponse(
    DateTimeOffset GeneratedAt, IReadOnlyList<CasesCount> Cases, TaskCounts Tasks, IReadOnlyList<OverdueStep> OverdueSteps,
    IReadOnlyList<TransferPoint> Transfers);

/// <summary>
/// <c>GET /api/dashboard</c>: computed when asked from cases, the engine's open tasks and emergency orders, each
/// scoped to the caller's organisation and everything below it (<see cref="CallerScope"/>), so a school sees its own
/// figures, the region its schools', the ministry everything.
/// </summary>
internal static class GetDashboard
{
    /// <summary>The steps with most overdue tasks shown; the rest are in the total.</summary>
    private const int MaxOverdueSteps = 12;

    public static async Task<Ok<DashboardResponse>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, EngineReads reads, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var cases = await CaseQueries.Visible(db, scope).GroupBy(c => new { c.PathwayKey, c.Status })
            .Select(g => new CasesCount(g.Key.PathwayKey, g.Key.Status, g.Count()))
            .ToListAsync(cancellationToken);

        // The engine's task rows carry the organisation's code; tasks without one are the ministry's to see.
        var codes = scope.OrganisationCodes();
        var open = reads.Tasks.Open();
        if (codes is not null)
        {
            open = open.Where(t => t.Organisation != null && codes.Contains(t.Organisation));
        }

        var openCount = await open.CountAsync(cancellationToken);
        var overdue = open.Where(t => t.DueAt != null && t.DueAt < now);
        var overdueCount = await overdue.CountAsync(cancellationToken);
        var withDeadline = await open.CountAsync(t => t.DueAt != null, cancellationToken);
        var steps = await overdue.GroupBy(t => new { t.DefinitionKey, t.ElementId })
            .Select(g => new { g.Key.DefinitionKey, g.Key.ElementId, Count = g.Count(), Oldest = g.Min(t => t.DueAt!.Value), LabelKk = g.Max(t => t.LabelKk), LabelRu = g.Max(t => t.LabelRu) })
            .OrderByDescending(g => g.Count).ThenBy(g => g.DefinitionKey).ThenBy(g => g.ElementId).Take(MaxOverdueSteps)
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new DashboardResponse(
            now, [.. cases.OrderBy(c => c.Pathway, StringComparer.Ordinal).ThenBy(c => c.Status, StringComparer.Ordinal)],
            new TaskCounts(openCount, overdueCount, withDeadline),
            [.. steps.Select(s => new OverdueStep(s.DefinitionKey, s.ElementId, s.LabelKk, s.LabelRu, s.Count, s.Oldest))],
            await TransfersAsync(db, scope, cancellationToken)));
    }

    private static async Task<List<TransferPoint>> TransfersAsync(QadamDbContext db, CallerScope scope, CancellationToken cancellationToken)
    {
        // Organisations are a few thousand rows at most: the region of each is found in memory by walking up its parents.
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Code, o.Kind, o.ParentId, o.NameKk, o.NameRu }).ToListAsync(cancellationToken);
        var byId = organisations.ToDictionary(o => o.Id);
        var byCode = organisations.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var orders = await db.EmergencyOrders.AsNoTracking()
            .Select(o => new { o.Id, o.PeriodFrom, o.Organisations }).ToListAsync(cancellationToken);

        var points = new Dictionary<(string Region, DateOnly Date), (HashSet<Guid> Orders, HashSet<string> Organisations)>();
        foreach (var order in orders)
        {
            foreach (var code in order.Organisations)
            {
                if (!byCode.TryGetValue(code, out var organisation) || !scope.CanSeeOrganisation(organisation.Id))
                {
                    continue;
                }

                var region = organisation;
                while (region.Kind != OrganisationKind.Region && region.ParentId is { } parent && byId.TryGetValue(parent, out var up))
                {
                    region = up;
                }

                var key = (region.Code, order.PeriodFrom);
                if (!points.TryGetValue(key, out var point))
                {
                    point = ([], new HashSet<string>(StringComparer.Ordinal));
                    points[key] = point;
                }

                point.Orders.Add(order.Id);
                point.Organisations.Add(code);
            }
        }

        return [.. points.OrderBy(p => p.Key.Region, StringComparer.Ordinal).ThenBy(p => p.Key.Date)
            .Select(p => new TransferPoint(p.Key.Region, byCode[p.Key.Region].NameKk, byCode[p.Key.Region].NameRu, p.Key.Date,
                p.Value.Orders.Count, p.Value.Organisations.Count))];
    }
}
