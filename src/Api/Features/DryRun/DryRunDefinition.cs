using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Features.Tasks;
using Qadam.Api.Hosting;
using Qadam.Documents.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.DryRun;

/// <summary>One step of a dry run: complete the open task of <paramref name="ElementId"/> with <paramref name="Output"/>.</summary>
public sealed record DryRunStep(string ElementId, JsonObject? Output = null);

/// <summary>The sample case data and the outcomes chosen so far; the client re-sends every step each time (stateless).</summary>
public sealed record DryRunRequest(JsonObject? Variables = null, IReadOnlyList<DryRunStep>? Steps = null, DateOnly? ReferenceDate = null);

/// <summary>Something the run went through: <c>entered</c>, <c>task-completed</c>, <c>service-task-skipped</c>, <c>completed</c> …</summary>
public sealed record DryRunPathEntry(string ElementId, string Event, string? LabelKk, string? LabelRu);

/// <summary>Where the run waits: a user task (with its form), a timer or a message.</summary>
public sealed record DryRunWaiting(string ElementId, string? LabelKk, string? LabelRu, string? FormKey, string Kind);

/// <summary>What the dry run did; <c>error</c> says where and why it stopped early.</summary>
public sealed record DryRunResponse(IReadOnlyList<DryRunPathEntry> Path, IReadOnlyList<DryRunWaiting> Waiting, bool Ended, string? Error,
    IReadOnlyDictionary<string, string[]>? PublishProblems = null);

/// <summary>
/// <c>POST /api/definitions/{key}/versions/{version}/dry-run</c>: starts that exact version with sample
/// variables and completes the steps' tasks, all inside one transaction that is always rolled back, so nothing of the
/// run is ever stored. Service tasks are reached but not run (their jobs would run outside the transaction, after the
/// rollback): the run moves past them as if they had succeeded with no output.
/// </summary>
internal static class DryRunDefinition
{
    /// <summary>Bounds one request's work: a run is a person clicking through a procedure, not a load test.</summary>
    public const int MaxSteps = 200;

    private const int MaxSkippedServiceTasks = 200;

    /// <summary>Journal events that say nothing a person reading the run needs (each "entered" already shows the step).</summary>
    private static readonly HashSet<string> QuietEvents = new(StringComparer.Ordinal) { "left", "task-created" };

    public static async Task<Results<Ok<DryRunResponse>, ProblemHttpResult>> HandleAsync(
        string key, int version, DryRunRequest request, ClaimsPrincipal user, EngineReads reads, ProcessEngine engine,
        DocumentsDbContext documents, FormCatalog forms, TimeProvider time, CancellationToken cancellationToken)
    {
        var steps = request.Steps ?? [];
        var errors = new Dictionary<string, string[]>();
        if (!DefinitionKeys.Pattern().IsMatch(key))
        {
            errors["key"] = ["A definition key has 1 to 100 letters, digits, dots, dashes or underscores."];
        }

        if (steps.Count > MaxSteps)
        {
            errors["steps"] = [$"At most {MaxSteps} steps."];
        }

        for (var i = 0; i < steps.Count && i < MaxSteps; i++)
        {
            if (steps[i] is null)
            {
                errors[$"steps[{i}]"] = ["A step is an object {\"elementId\": …, \"output\": {…}}."];
            }
            else if (string.IsNullOrWhiteSpace(steps[i].ElementId))
            {
                errors[$"steps[{i}].elementId"] = ["The element id of the task to complete is required."];
            }
        }

        if (errors.Count > 0)
        {
            return UnprocessableProblem.Create(errors);
        }

        var definition = await reads.BpmnVersionAsync(key, version, cancellationToken);
        if (definition is null)
        {
            return TypedResults.Problem($"'{key}' has no BPMN version {version}.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");
        }

        // What publishing would refuse (a rendered document without its kk or ru template, a task's form missing) is said before the run.
        var publishProblems = await PublishDefinition.PublishProblemsAsync(key, version, reads, documents, forms, cancellationToken);
        var audit = AuditActor.From(user);
        var actor = new Actor(user.FindFirstValue(Claims.Subject) ?? audit.Name, audit.Roles, audit.OrganisationCode);
        var referenceDate = request.ReferenceDate ?? KazakhstanClock.Today(time);
        var run = new Run(reads);

        // The one transaction of the run, rolled back whatever happens: the engine joins it (it never commits a
        // transaction it did not open), so the instance, its tasks, journal and outbox vanish with it.
        var result = await engine.DryRunAsync(ct => run.ExecuteAsync(engine, definition, actor, referenceDate, request.Variables, steps, ct),
            cancellationToken);
        return TypedResults.Ok(result with { PublishProblems = publishProblems });
    }

    /// <summary>One dry run's reading of the engine's rows: the path so far and the models for the labels.</summary>
    private sealed class Run(EngineReads reads)
    {
        private readonly List<DryRunPathEntry> _path = [];
        private readonly Dictionary<Guid, ProcessModel?> _models = [];
        private long _lastJournalId;
        private Guid _root;

        public async Task<DryRunResponse> ExecuteAsync(
            ProcessEngine engine, ProcessDefinition definition, Actor actor, DateOnly referenceDate, JsonObject? variables,
            IReadOnlyList<DryRunStep> steps, CancellationToken cancellationToken)
        {
            string? error = null;
            try
            {
                var started = await engine.StartVersionForDryRunAsync(definition.Key, definition.Version, referenceDate, actor, variables, cancellationToken);
                _root = started.InstanceId;
                await FollowAsync(engine, actor, cancellationToken);
                for (var i = 0; i < steps.Count; i++)
                {
                    var step = steps[i];
                    var tree = await engine.InstanceTreeAsync(_root, cancellationToken);
                    // A multi-instance task (a council's ballots) has one task per member: each step casts the next ballot.
                    var task = (await reads.OpenTasksOfAsync(tree, cancellationToken))
                        .Where(t => t.ElementId == step.ElementId)
                        .OrderBy(t => t.LoopIndex ?? int.MaxValue).ThenBy(t => t.CreatedAt).FirstOrDefault();
                    if (task is null)
                    {
                        error = $"Step {i + 1}: no open task '{step.ElementId}' to complete.";
                        break;
                    }

                    // A task assigned to someone (a member's ballot) is completed in that person's name.
                    var completer = task.Assignee is null ? actor : new Actor(task.Assignee, actor.Role, actor.Organisation);
                    await engine.CompleteTaskAsync(new CompleteTask(task.Id, completer, step.Output ?? []), cancellationToken);
                    _path.Add(await EntryAsync(task.InstanceId, step.ElementId, "task-completed", cancellationToken));
                    await FollowAsync(engine, actor, cancellationToken);
                }
            }
            catch (EngineException ex)
            {
                error = ex.Message;
            }

            if (_root == Guid.Empty)
            {
                return new DryRunResponse(_path, [], false, error);
            }

            await ReadJournalAsync(engine, cancellationToken);
            var status = await reads.InstanceStatusAsync(_root, cancellationToken);
            return new DryRunResponse(_path, await WaitingAsync(engine, cancellationToken), status != InstanceStatus.Active, error);
        }

        /// <summary>Reads what the last command did, then moves past the service tasks it reached, one by one.</summary>
        private async Task FollowAsync(ProcessEngine engine, Actor actor, CancellationToken cancellationToken)
        {
            await ReadJournalAsync(engine, cancellationToken);
            for (var skipped = 0; skipped < MaxSkippedServiceTasks; skipped++)
            {
                var tree = await engine.InstanceTreeAsync(_root, cancellationToken);
                var job = (await reads.JobsOfAsync(tree, cancellationToken)).FirstOrDefault();
                if (job is null || await engine.SkipNextJobForDryRunAsync(_root, actor, cancellationToken) is null)
                {
                    return;
                }

                _path.Add(await EntryAsync(job.InstanceId, job.ElementId, "service-task-skipped", cancellationToken));
                await ReadJournalAsync(engine, cancellationToken);
            }
        }

        private async Task ReadJournalAsync(ProcessEngine engine, CancellationToken cancellationToken)
        {
            var tree = await engine.InstanceTreeAsync(_root, cancellationToken);
            var entries = await reads.JournalAfterAsync(tree, _lastJournalId, cancellationToken);
            foreach (var entry in entries)
            {
                _lastJournalId = Math.Max(_lastJournalId, entry.Id);
                if (entry.ElementId is not null && !QuietEvents.Contains(entry.Event))
                {
                    _path.Add(await EntryAsync(entry.InstanceId, entry.ElementId, entry.Event, cancellationToken));
                }
            }
        }

        private async Task<List<DryRunWaiting>> WaitingAsync(ProcessEngine engine, CancellationToken cancellationToken)
        {
            var tree = await engine.InstanceTreeAsync(_root, cancellationToken);
            var tasks = await reads.OpenTasksOfAsync(tree, cancellationToken);
            var timers = await reads.TimersOfAsync(tree, cancellationToken);
            var messages = await reads.SubscriptionsOfAsync(tree, cancellationToken);
            var jobs = await reads.JobsOfAsync(tree, cancellationToken);
            var waiting = tasks.Select(t => new DryRunWaiting(t.ElementId, t.LabelKk, t.LabelRu, t.FormKey, "userTask")).ToList();
            foreach (var (instanceId, elementId, kind) in timers.Select(t => (t.InstanceId!.Value, t.ElementId, "timer"))
                         .Concat(messages.Select(m => (m.InstanceId, m.ElementId, "message")))
                         .Concat(jobs.Select(j => (j.InstanceId, j.ElementId, "serviceTask"))))
            {
                var entry = await EntryAsync(instanceId, elementId, kind, cancellationToken);
                waiting.Add(new DryRunWaiting(elementId, entry.LabelKk, entry.LabelRu, null, kind));
            }

            return waiting;
        }

        private async Task<DryRunPathEntry> EntryAsync(Guid instanceId, string elementId, string @event, CancellationToken cancellationToken)
        {
            if (!_models.TryGetValue(instanceId, out var model))
            {
                model = await reads.ModelOfInstanceAsync(instanceId, cancellationToken);
                _models[instanceId] = model;
            }

            var node = model?.Elements.GetValueOrDefault(elementId) as FlowNode;
            return new DryRunPathEntry(elementId, @event, node?.Extension.LabelKk ?? node?.Name, node?.Extension.LabelRu ?? node?.Name);
        }
    }
}
