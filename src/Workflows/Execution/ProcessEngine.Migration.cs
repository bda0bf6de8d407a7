using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

/// <summary>Move running instances of one version to another, mapping each waiting element to its counterpart.</summary>
/// <param name="SourceDefinitionId">The version whose active instances move (or limit to <paramref name="InstanceIds"/>).</param>
/// <param name="TargetDefinitionId">The published version they move to.</param>
/// <param name="Mapping">Source element id → target element id; unmapped elements keep their id if the target has it.</param>
/// <param name="Actor">Who migrates.</param>
/// <param name="DryRun">True: only report what would move and what cannot.</param>
/// <param name="InstanceIds">Only these instances, when given.</param>
public sealed record MigrateInstances(
    Guid SourceDefinitionId, Guid TargetDefinitionId, IReadOnlyDictionary<string, string> Mapping, Actor Actor, bool DryRun,
    IReadOnlyList<Guid>? InstanceIds = null);

/// <summary>What a migration moved (or would move) and what blocks it.</summary>
/// <param name="Moves">Per instance: element moves.</param>
/// <param name="Problems">Per instance: why it cannot move. Any problem stops the real run entirely.</param>
/// <param name="Applied">True when the instances were moved.</param>
public sealed record MigrationPlan(IReadOnlyList<MigrationMove> Moves, IReadOnlyList<MigrationProblem> Problems, bool Applied);

/// <summary>An element of an instance moving to its counterpart.</summary>
public sealed record MigrationMove(Guid InstanceId, string From, string To);

/// <summary>Why an instance cannot move.</summary>
public sealed record MigrationProblem(Guid InstanceId, string ElementId, string Message);

public sealed partial class ProcessEngine
{
    /// <summary>
    /// Validates (dry run) or performs a migration. Every waiting element must map to an element of
    /// the same kind in the target, inside the matching sub-process; one problem anywhere and nothing moves.
    /// The migration is journaled on each instance with its mapping.
    /// </summary>
    public Task<MigrationPlan> MigrateAsync(MigrateInstances command, CancellationToken cancellationToken = default) =>
        RunAsync("migrate", null, async session =>
        {
            var source = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.SourceDefinitionId, cancellationToken)
                         ?? throw new EngineNotFoundException($"Definition version {command.SourceDefinitionId}");
            var target = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == command.TargetDefinitionId, cancellationToken)
                         ?? throw new EngineNotFoundException($"Definition version {command.TargetDefinitionId}");
            if (target.Status != DefinitionStatus.Published || !string.Equals(source.Key, target.Key, StringComparison.Ordinal))
            {
                throw new EngineException(EngineErrorKind.Unprocessable, "The target must be a published version of the same key.");
            }

            var targetModel = Definitions.Model(target);
            var ids = command.InstanceIds ?? await db.Instances
                .Where(i => i.DefinitionId == source.Id && i.Status == InstanceStatus.Active)
                .OrderBy(i => i.StartedAt).Select(i => i.Id).ToListAsync(cancellationToken);
            var moves = new List<MigrationMove>();
            var problems = new List<MigrationProblem>();
            var planned = new List<(EngineSession.Loaded Loaded, Dictionary<string, string> Map)>();
            foreach (var id in ids)
            {
                var loaded = await session.LoadAsync(id, command.Actor, cancellationToken);
                if (loaded.Instance.DefinitionId != source.Id)
                {
                    problems.Add(new MigrationProblem(id, "-", $"runs version {loaded.Instance.DefinitionVersion}, not the source version"));
                    continue;
                }

                var map = PlanInstance(loaded, targetModel, command.Mapping, problems);
                moves.AddRange(map.Select(m => new MigrationMove(id, m.Key, m.Value)));
                planned.Add((loaded, map));
            }

            if (command.DryRun || problems.Count > 0)
            {
                session.Writer.Discard();
                db.ChangeTracker.Clear();
                return new MigrationPlan(moves, problems, false);
            }

            foreach (var (loaded, map) in planned)
            {
                await ApplyAsync(loaded, target, map, command, session, cancellationToken);
            }

            return new MigrationPlan(moves, problems, true);
        }, cancellationToken);

    private static Dictionary<string, string> PlanInstance(EngineSession.Loaded loaded, ProcessModel target,
        IReadOnlyDictionary<string, string> mapping, List<MigrationProblem> problems)
    {
        var state = loaded.Runner.State;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string Map(string id) => mapping.TryGetValue(id, out var to) ? to : id;
        // The start events of listening event sub-processes move too: their subscriptions and timers are keyed by them.
        var waiting = state.Tokens.Select(t => t.NodeId).Concat(state.Scopes.Select(s => s.NodeId))
            .Concat(state.Listeners?.Select(l => l.ElementId) ?? []);
        foreach (var element in waiting.Distinct(StringComparer.Ordinal))
        {
            var from = loaded.Model.Node(element);
            var toId = Map(element);
            if (!target.Elements.TryGetValue(toId, out var toElement) || toElement is not FlowNode to)
            {
                problems.Add(new MigrationProblem(loaded.Instance.Id, element, $"maps to '{toId}', which the target version does not have"));
                continue;
            }

            if (!string.Equals(from.Kind, to.Kind, StringComparison.Ordinal))
            {
                problems.Add(new MigrationProblem(loaded.Instance.Id, element, $"is a {from.Kind} but '{toId}' is a {to.Kind}"));
                continue;
            }

            var fromParent = from.Scope.Owner?.Id;
            var toParent = to.Scope.Owner?.Id;
            if (!string.Equals(fromParent is null ? null : Map(fromParent), toParent, StringComparison.Ordinal))
            {
                problems.Add(new MigrationProblem(loaded.Instance.Id, element, $"'{toId}' is not inside the counterpart of its sub-process"));
                continue;
            }

            map[element] = toId;
        }

        return map;
    }

    private async Task ApplyAsync(EngineSession.Loaded loaded, Versions.ProcessDefinition target, Dictionary<string, string> map,
        MigrateInstances command, EngineSession session, CancellationToken cancellationToken)
    {
        var state = loaded.Runner.State;
        foreach (var token in state.Tokens)
        {
            token.NodeId = map[token.NodeId];
        }

        foreach (var scope in state.Scopes)
        {
            scope.NodeId = map[scope.NodeId];
        }

        foreach (var listener in state.Listeners ?? [])
        {
            listener.ElementId = map[listener.ElementId];
        }

        var instance = loaded.Instance;
        var fromVersion = instance.DefinitionVersion;
        instance.MoveTo(target.Id, target.Version);
        instance.SaveState(state);
        foreach (var (from, to) in map.Where(m => !string.Equals(m.Key, m.Value, StringComparison.Ordinal)))
        {
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE workflows.tasks SET element_id = {0} WHERE instance_id = {1} AND element_id = {2} AND " + ProcessTaskQueries.OpenSql,
                [to, instance.Id, from], cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE workflows.subscriptions SET element_id = {to} WHERE instance_id = {instance.Id} AND element_id = {from}", cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE workflows.jobs SET element_id = {to} WHERE instance_id = {instance.Id} AND element_id = {from}", cancellationToken);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE workflows.timers SET element_id = {to} WHERE instance_id = {instance.Id} AND element_id = {from}", cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(
            "UPDATE workflows.tasks SET definition_version = {0} WHERE instance_id = {1} AND " + ProcessTaskQueries.OpenSql,
            [target.Version, instance.Id], cancellationToken);
        session.Writer.Add(new JournalEntry
        {
            InstanceId = instance.Id, DefinitionKey = instance.DefinitionKey, DefinitionVersion = target.Version, Event = "migrated",
            At = session.Now, Actor = command.Actor.Id,
            Data = new JsonObject
            {
                ["fromVersion"] = fromVersion,
                ["toVersion"] = target.Version,
                ["mapping"] = new JsonObject(map.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
            },
        });
    }
}
