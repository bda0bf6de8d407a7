using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Reads;

/// <summary>A task of an inbox page, with how many tasks the whole inbox holds.</summary>
public sealed record InboxRow(ProcessTask Task, int Total);

public sealed partial class EngineReads
{
    /// <summary>
    /// A page of a person's inbox as the API's <c>GET /api/tasks</c> shows it without filters: the live tasks (open or
    /// claimed) whose candidate roles overlap <paramref name="roles"/>, in <paramref name="organisations"/> (null: every
    /// organisation), not held by someone other than <paramref name="me"/>; due tasks first, soonest first, then the
    /// undated ones oldest first; each row carries the inbox's total. Compiled once: the inbox is the page staff open
    /// most, and building and looking up its LINQ tree was about a twelfth of its CPU (bench/Http/README.md, "Session 12").
    /// The SQL is the one the host's composable query gives (InboxRoundTripTests pins its shape and that both page alike):
    /// the roles an array overlap the GIN index on candidate_roles serves, the organisations an = ANY.
    /// </summary>
    public ValueTask<List<InboxRow>> InboxPageAsync(
        string[] roles, string[]? organisations, string me, int skip, int take, CancellationToken cancellationToken = default) =>
        (organisations is null ? EveryOrganisationsInbox(db, roles, me, skip, take) : ScopedInbox(db, roles, organisations, me, skip, take))
            .ToListAsync(cancellationToken);

    // The predicate is written out in each query and in its count: a compiled query's tree cannot call a helper that
    // builds part of it (ProcessTaskQueries.Open), and the count must be the same condition as the page's.
    private static readonly Func<WorkflowsDbContext, string[], string[], string, int, int, IAsyncEnumerable<InboxRow>> ScopedInbox =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string[] roles, string[] organisations, string me, int skip, int take) =>
            db.Tasks.AsNoTracking()
                .Where(t => (t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.Claimed)
                    && t.CandidateRoles.Any(r => roles.Contains(r))
                    && t.Organisation != null && organisations.Contains(t.Organisation)
                    && (t.Assignee == null || t.Assignee == me))
                .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
                .Skip(skip).Take(take)
                .Select(t => new InboxRow(t, db.Tasks.Count(c => (c.Status == UserTaskStatus.Open || c.Status == UserTaskStatus.Claimed)
                    && c.CandidateRoles.Any(r => roles.Contains(r))
                    && c.Organisation != null && organisations.Contains(c.Organisation)
                    && (c.Assignee == null || c.Assignee == me)))));

    private static readonly Func<WorkflowsDbContext, string[], string, int, int, IAsyncEnumerable<InboxRow>> EveryOrganisationsInbox =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string[] roles, string me, int skip, int take) =>
            db.Tasks.AsNoTracking()
                .Where(t => (t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.Claimed)
                    && t.CandidateRoles.Any(r => roles.Contains(r))
                    && (t.Assignee == null || t.Assignee == me))
                .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt)
                .Skip(skip).Take(take)
                .Select(t => new InboxRow(t, db.Tasks.Count(c => (c.Status == UserTaskStatus.Open || c.Status == UserTaskStatus.Claimed)
                    && c.CandidateRoles.Any(r => roles.Contains(r))
                    && (c.Assignee == null || c.Assignee == me)))));
}
