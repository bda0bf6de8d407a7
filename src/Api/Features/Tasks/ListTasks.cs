using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Hosting;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Tasks;

/// <summary>A page of the inbox.</summary>
public sealed record TaskPage(int Page, int PageSize, int Total, IReadOnlyList<TaskResponse> Items);

/// <summary>
/// <c>GET /api/tasks</c>: open and claimed tasks whose candidate roles meet the caller's roles (array overlap on the
/// GIN-indexed column) and whose organisation the caller sees, soonest due first.
/// </summary>
internal static class ListTasks
{
    public static async Task<Results<Ok<TaskPage>, ValidationProblem>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, EngineReads reads, Documents.Citations citations, CancellationToken cancellationToken,
        Guid? caseId = null, string? element = null, DateTimeOffset? dueBefore = null, int page = 1, int pageSize = 50)
    {
        if (page is < 1 or > Paging.MaxPage || pageSize is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page is < 1 or > Paging.MaxPage ? "page" : "pageSize"] = ["page is 1 to 1000000; pageSize is 1 to 500."],
            });
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var roles = TaskAccess.Roles(user).ToList();
        var organisations = scope.OrganisationCodes();
        // A task someone else holds (a council ballot assigned to another member, or claimed) is not in my inbox.
        var me = user.FindFirstValue(Claims.Subject);
        if (caseId is null && element is null && dueBefore is null && me is not null)
        {
            // The inbox as staff open it, without filters: the engine's compiled query of the same SQL, one round trip.
            var unfiltered = await reads.InboxPageAsync([.. roles], organisations?.ToArray(), me, (page - 1) * pageSize, pageSize, cancellationToken);
            return TypedResults.Ok(await PageAsync([.. unfiltered.Select(r => (r.Task, r.Total))], Filtered));
        }

        // The page and the total in one round trip: the count is an uncorrelated subquery, which PostgreSQL runs once
        // (an InitPlan), not per row.
        var tasks = Filtered();
        var rows = await SoonestFirst(tasks).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new { Task = t, Total = tasks.Count() })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(await PageAsync([.. rows.Select(r => (r.Task, r.Total))], () => tasks));

        IQueryable<ProcessTask> Filtered()
        {
            var filtered = Inbox(reads, roles, organisations).Where(t => t.Assignee == null || t.Assignee == me);
            if (caseId is not null)
            {
                var key = caseId.Value.ToString();
                filtered = filtered.Where(t => t.BusinessKey == key);
            }

            if (element is not null)
            {
                filtered = filtered.Where(t => t.ElementId == element);
            }

            return dueBefore is null ? filtered : filtered.Where(t => t.DueAt < dueBefore);
        }

        // A page past the end has no row to carry the total; only then is it counted alone.
        async Task<TaskPage> PageAsync(List<(ProcessTask Task, int Total)> found, Func<IQueryable<ProcessTask>> all)
        {
            var total = found.Count > 0 ? found[0].Total : page == 1 ? 0 : await all().CountAsync(cancellationToken);
            var items = await TaskResponses.DescribeAsync([.. found.Select(r => r.Task)], db, citations, cancellationToken);
            return new TaskPage(page, pageSize, total, items);
        }
    }

    /// <summary>The inbox query: live tasks whose candidate roles overlap the caller's, in the caller's organisations (null: all).</summary>
    internal static IQueryable<ProcessTask> Inbox(EngineReads reads, List<string> roles, List<string>? organisationCodes)
    {
        var tasks = reads.Tasks.Open().Where(t => t.CandidateRoles.Any(r => roles.Contains(r)));
        return organisationCodes is null ? tasks : tasks.Where(t => t.Organisation != null && organisationCodes.Contains(t.Organisation));
    }

    /// <summary>Due tasks first, soonest first; tasks without a deadline after them, oldest first.</summary>
    internal static IOrderedQueryable<ProcessTask> SoonestFirst(IQueryable<ProcessTask> tasks) =>
        tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt);
}
