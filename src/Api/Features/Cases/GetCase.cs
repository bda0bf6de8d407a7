using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Ballots;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Readiness;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Cases;

/// <summary>The definition version a case runs, with the act it transcribes.</summary>
public sealed record CaseDefinitionResponse(string Key, int Version, string? Name, DateOnly? EffectiveFrom, LegalBasisResponse? LegalBasis);

/// <summary>Where the case waits now: a task for someone, or a timer or message.</summary>
public sealed record CaseStepResponse(
    string ElementId, string Kind, string? Name, string? LabelKk, string? LabelRu, LegalBasisResponse? LegalBasis,
    Guid? TaskId, IReadOnlyList<string> CandidateRoles, string? Organisation, DateTimeOffset? DueAt);

/// <summary>One line of the timeline (from the engine's journal and the tasks' completions).</summary>
/// <remarks><c>Actor</c> is the account (user name); <c>ActorName</c> the person's name people read.</remarks>
public sealed record CaseTimelineEntry(
    DateTimeOffset At, string Event, string? ElementId, string? LabelKk, string? LabelRu, string Actor, int DefinitionVersion,
    string? ActorName = null);

/// <summary>A user task of the case, open or done.</summary>
public sealed record CaseTaskResponse(
    Guid Id, string ElementId, string? LabelKk, string? LabelRu, string Status, IReadOnlyList<string> CandidateRoles, string? Organisation,
    string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, DateTimeOffset? EndedAt);

/// <summary>A deadline the case runs against.</summary>
public sealed record CaseDeadlineResponse(string ElementId, string? LabelKk, string? LabelRu, DateTimeOffset DueAt, bool Overdue);

/// <summary>What a person decided at a completed task, with the paragraph the step carries out.</summary>
/// <remarks><c>DecidedBy</c> is the account (user name); <c>DecidedByName</c> the person's name people read.</remarks>
public sealed record CaseDecisionResponse(
    Guid TaskId, string ElementId, string? LabelKk, string? LabelRu, string DecidedBy, DateTimeOffset DecidedAt, JsonObject? Data,
    LegalBasisResponse? LegalBasis, string? DecidedByName = null);

/// <summary>
/// The case page. <c>readiness</c> is the organisation's readiness for distance learning today, which the council and
/// the head decide on (349 Annex 2 para 11(1): «на основании ... наличии условий для дистанционного обучения»); a
/// parent sees its status and missing items without the evidence.
/// </summary>
public sealed record CaseDetailResponse(
    CaseResponse Case, CaseDefinitionResponse? Definition, IReadOnlyList<CaseStepResponse> CurrentSteps, IReadOnlyList<CaseTimelineEntry> Timeline,
    IReadOnlyList<CaseTaskResponse> Tasks, IReadOnlyList<CaseDeadlineResponse> Deadlines, IReadOnlyList<CaseDecisionResponse> Decisions,
    JsonObject Data, OrganisationReadinessResponse? Readiness = null);

/// <summary><c>GET /api/cases/{id}</c>: the case with where it stands and how it got there, read from the engine.</summary>
internal static class GetCase
{
    public static async Task<Results<Ok<CaseDetailResponse>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, TimeProvider time, Documents.Citations citations,
        CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        if (!await CasesApi.Visible(db, scope).AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // Timers and jobs move instances without the API: catch the status up when the case is looked at.
        var tracked = await db.Cases.SingleAsync(c => c.Id == id, cancellationToken);
        if (await CasesApi.FollowInstanceAsync(tracked, reads, time, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var summary = await CasesApi.Project(db, db.Cases.AsNoTracking().Where(c => c.Id == id)).SingleAsync(cancellationToken);
        var detail = await DescribeAsync(tracked, summary, db, reads, time, cancellationToken, citations);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == tracked.OrganisationId, cancellationToken);
        var readiness = (await ReadinessAssessment.AssessAsync(db, [organisation], KazakhstanClock.Today(time), cancellationToken))[0];
        var staff = QadamRoles.Staff.Any(user.IsInRole) || user.IsInRole(QadamRoles.Auditor);
        detail = await BallotSecrecy.ForCallerAsync(detail, tracked.ProcessInstanceId, user, reads, cancellationToken);
        return TypedResults.Ok(detail with { Readiness = staff ? readiness : readiness with { Record = null } });
    }

    public static async Task<CaseDetailResponse> DescribeAsync(
        Case @case, CaseResponse summary, QadamDbContext db, EngineReads reads, TimeProvider time, CancellationToken cancellationToken,
        Documents.Citations? citations = null)
    {
        var data = JsonNode.Parse(@case.DataJson) as JsonObject ?? [];
        if (@case.ProcessInstanceId is not { } instanceId)
        {
            return new CaseDetailResponse(summary, null, [], [], [], [], [], data);
        }

        var definition = await reads.VersionAsync(@case.PathwayKey, @case.DefinitionVersion, cancellationToken);
        var model = definition is null ? null : CasesApi.Model(definition);
        var tasks = await reads.TasksOfAsync(instanceId, cancellationToken);
        var timers = await reads.TimersOfAsync(instanceId, cancellationToken);
        var messages = await reads.SubscriptionsOfAsync(instanceId, cancellationToken);
        var journal = await reads.JournalAsync(instanceId, cancellationToken);

        var names = await ActorNamesAsync(db,
            journal.Select(j => j.Actor).Concat(tasks.Select(t => t.CompletedBy)).Concat(tasks.Select(t => t.Assignee)), cancellationToken);
        string Name(string? actor) => actor is null ? string.Empty : names.GetValueOrDefault(actor)?.UserName ?? actor;
        string? Person(string? actor) => actor is null ? null : names.GetValueOrDefault(actor)?.DisplayName;
        QadamAttributes? Extension(string? elementId) =>
            elementId is not null && model?.Elements.GetValueOrDefault(elementId) is FlowNode node ? node.Extension : null;

        var open = tasks.Where(t => t.IsOpen).ToList();
        var steps = open.Select(t => new CaseStepResponse(
                t.ElementId, "userTask", t.Name, t.LabelKk, t.LabelRu, DefinitionResponses.ToResponse(t.LegalBasis, citations), t.Id, t.CandidateRoles,
                t.Organisation, t.DueAt))
            .Concat(timers.Where(t => t.TokenId is not null).Select(t => Step(t.ElementId, "timer", model, t.DueAt, citations)))
            // An event sub-process's start (e.g. a university's emergency, order 97 para 27) listens the whole case long:
            // it is no step the case waits at.
            .Concat(messages.Where(m => model?.Elements.GetValueOrDefault(m.ElementId) is not StartEvent)
                .Select(m => Step(m.ElementId, "message", model, null, citations)))
            .ToList();

        var timeline = journal.Select(j => new CaseTimelineEntry(
                j.At, j.Event, j.ElementId, Extension(j.ElementId)?.LabelKk, Extension(j.ElementId)?.LabelRu, Name(j.Actor), j.DefinitionVersion,
                Person(j.Actor)))
            .Concat(tasks.Where(t => t.Status == UserTaskStatus.Completed).Select(t => new CaseTimelineEntry(
                t.EndedAt!.Value, "task-completed", t.ElementId, t.LabelKk, t.LabelRu, Name(t.CompletedBy), t.DefinitionVersion,
                Person(t.CompletedBy))))
            .OrderBy(e => e.At).ToList();

        var now = time.GetUtcNow();
        var deadlines = open.Where(t => t.DueAt is not null).Select(t => new CaseDeadlineResponse(t.ElementId, t.LabelKk, t.LabelRu, t.DueAt!.Value, t.DueAt < now))
            .Concat(timers.Where(t => t.TokenId is not null).Select(t => new CaseDeadlineResponse(
                t.ElementId, Extension(t.ElementId)?.LabelKk, Extension(t.ElementId)?.LabelRu, t.DueAt, t.DueAt < now)))
            .OrderBy(d => d.DueAt).ToList();

        var decisions = tasks.Where(t => t.Status == UserTaskStatus.Completed).Select(t => new CaseDecisionResponse(
            t.Id, t.ElementId, t.LabelKk, t.LabelRu, Name(t.CompletedBy), t.EndedAt!.Value, t.Output, DefinitionResponses.ToResponse(t.LegalBasis, citations),
            Person(t.CompletedBy))).ToList();

        return new CaseDetailResponse(
            summary,
            definition is null
                ? null
                : new CaseDefinitionResponse(definition.Key, definition.Version, definition.Name, definition.EffectiveFrom,
                    DefinitionResponses.ToResponse(definition.LegalBasis, citations)),
            steps,
            timeline,
            [.. tasks.Select(t => new CaseTaskResponse(t.Id, t.ElementId, t.LabelKk, t.LabelRu, t.Status.ToString().ToLowerInvariant(),
                t.CandidateRoles, t.Organisation, t.Assignee is null ? null : Name(t.Assignee), t.CreatedAt, t.DueAt, t.EndedAt))],
            deadlines,
            decisions,
            data);
    }

    private static CaseStepResponse Step(
        string elementId, string kind, ProcessModel? model, DateTimeOffset? dueAt, Documents.Citations? citations)
    {
        var node = model?.Elements.GetValueOrDefault(elementId) as FlowNode;
        return new CaseStepResponse(elementId, kind, node?.Name, node?.Extension.LabelKk, node?.Extension.LabelRu,
            DefinitionResponses.ToResponse(node?.Extension.LegalBasis, citations), null, [], null, dueAt);
    }

    /// <summary>
    /// Engine actors are user ids: the account (user name) and the person's name (the display name of the users store),
    /// which the histories show, since a case history names who decided, not which login.
    /// </summary>
    public static async Task<Dictionary<string, ActorName>> ActorNamesAsync(
        QadamDbContext db, IEnumerable<string?> actors, CancellationToken cancellationToken)
    {
        var ids = actors.Select(a => Guid.TryParse(a, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(cancellationToken);
        return users.ToDictionary(
            u => u.Id.ToString(),
            u => new ActorName(u.UserName ?? u.Id.ToString(), string.IsNullOrWhiteSpace(u.DisplayName) ? null : u.DisplayName),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A user as the histories name them: the account and, when known, the person's name.</summary>
    public sealed record ActorName(string UserName, string? DisplayName);
}
