using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Tables;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Reads;

/// <summary>
/// What a host may read of the engine: instances as <see cref="InstanceView"/>s, tasks, the journal, what an instance
/// waits for (timers, messages), ballots, versions and replayed commands. Reads are untracked and run on the engine's
/// context, inside the host's transaction when one is open. The host reads here instead of querying the engine's tables,
/// so the tables and the state's shape stay the engine's to change (as Camunda 7's RuntimeService/TaskService/
/// HistoryService stand before its tables).
/// </summary>
public sealed partial class EngineReads(WorkflowsDbContext db, DefinitionCache definitions)
{
    /// <summary>Every task, for lists that filter and page (the inbox).</summary>
    public IQueryable<ProcessTask> Tasks => db.Tasks.AsNoTracking();

    /// <summary>Every waiting timer, for lists across instances (deadlines a parent waits on).</summary>
    public IQueryable<ProcessTimer> Timers => db.Timers.AsNoTracking();

    /// <summary>One task, or null.</summary>
    public Task<ProcessTask?> TaskAsync(Guid taskId, CancellationToken cancellationToken = default) =>
        db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);

    /// <summary>The tasks of an instance, open and closed, oldest first.</summary>
    public Task<List<ProcessTask>> TasksOfAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>
    /// The ballots of an instance: the tasks of its multi-instance votes, one per member and round, oldest first (a tally
    /// counts the completed ones of the latest round).
    /// </summary>
    public Task<List<ProcessTask>> BallotsAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.Tasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.LoopIndex != null)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.LoopIndex).ToListAsync(cancellationToken);

    /// <summary>The timers an instance waits on, soonest first.</summary>
    public Task<List<ProcessTimer>> TimersOfAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.Timers.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);

    /// <summary>The messages an instance waits for.</summary>
    public Task<List<MessageSubscription>> SubscriptionsOfAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.Subscriptions.AsNoTracking().Where(s => s.InstanceId == instanceId).ToListAsync(cancellationToken);

    /// <summary>An instance's journal, in order.</summary>
    public Task<List<JournalEntry>> JournalAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.Journal.AsNoTracking().Where(j => j.InstanceId == instanceId).OrderBy(j => j.Id).ToListAsync(cancellationToken);

    /// <summary>Whether a command with this idempotency key has run (a replay answers with its first result).</summary>
    public Task<bool> CommandRanAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        db.Commands.AsNoTracking().AnyAsync(c => c.Key == idempotencyKey, cancellationToken);

    /// <summary>One version of a key, with its content (a host draws labels from it), or null.</summary>
    public Task<ProcessDefinition?> VersionAsync(string key, int version, CancellationToken cancellationToken = default) =>
        db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken);

    /// <summary>
    /// The published and retired BPMN versions whose XML contains <paramref name="text"/>, with their content: a cheap
    /// text filter before the host asks each model whether an element really names it (a form key, a template key).
    /// </summary>
    public Task<List<ProcessDefinition>> PublishedBpmnContainingAsync(string text, CancellationToken cancellationToken = default) =>
        db.Definitions.AsNoTracking()
            .Where(d => d.Kind == DefinitionKind.Bpmn && d.Status != DefinitionStatus.Draft && d.Content.Contains(text))
            .ToListAsync(cancellationToken);

    /// <summary>The incidents of these instances that nobody has resolved yet.</summary>
    public Task<List<OpenIncident>> OpenIncidentsAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        db.Incidents.AsNoTracking().Where(i => instanceIds.Contains(i.InstanceId) && i.ResolvedAt == null)
            .Select(i => new OpenIncident(i.InstanceId, i.ElementId)).ToListAsync(cancellationToken);

    /// <summary>
    /// The condition table rows an element of an instance matched, in the order it matched them (the journal's
    /// <c>rule-matched</c> events, written by the token runner's business rule task).
    /// </summary>
    public async Task<List<RuleMatch>> RulesMatchedAsync(Guid instanceId, string elementId, CancellationToken cancellationToken = default)
    {
        var data = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.ElementId == elementId && j.Event == "rule-matched")
            .OrderBy(j => j.Id).Select(j => j.Data).ToListAsync(cancellationToken);
        return [.. data.OfType<JsonObject>().Where(d => d["table"] is JsonValue)
            .Select(d => new RuleMatch(d["table"]!.GetValue<string>(), (int?)d["rule"], (int?)d["hits"]))];
    }

    /// <summary>
    /// The content of each of these condition tables' versions in force on <paramref name="date"/> (the rule of
    /// <see cref="VersionsInForce"/>), by key; a key with no version in force is absent.
    /// </summary>
    public async Task<Dictionary<string, string>> TablesInForceAsync(
        IReadOnlyCollection<string> keys, DateOnly date, CancellationToken cancellationToken = default)
    {
        var versions = await db.Definitions.AsNoTracking()
            .Where(d => d.Kind == DefinitionKind.ConditionTable && keys.Contains(d.Key) && d.Status == DefinitionStatus.Published
                        && d.EffectiveFrom <= date)
            .Select(d => new { d.Key, d.Version, d.EffectiveFrom, d.Content }).ToListAsync(cancellationToken);
        return versions.GroupBy(d => d.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(d => d.EffectiveFrom).ThenByDescending(d => d.Version).First().Content,
                StringComparer.Ordinal);
    }

    /// <summary>
    /// The variables each of these tokens of an instance sees (see <see cref="VariablesAtAsync(Guid, string, CancellationToken)"/>),
    /// by token id; empty when the instance does not exist.
    /// </summary>
    public async Task<Dictionary<string, JsonObject>> VariablesAtAsync(
        Guid instanceId, IEnumerable<string> tokenIds, CancellationToken cancellationToken = default)
    {
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        return instance is null
            ? []
            : tokenIds.Distinct(StringComparer.Ordinal).ToDictionary(t => t, instance.VariablesAt, StringComparer.Ordinal);
    }

    /// <summary>The status of one BPMN version of a key, or null when there is no such version.</summary>
    public Task<DefinitionStatus?> BpmnStatusAsync(string key, int version, CancellationToken cancellationToken = default) =>
        db.Definitions.AsNoTracking().Where(d => d.Key == key && d.Version == version && d.Kind == DefinitionKind.Bpmn)
            .Select(d => (DefinitionStatus?)d.Status).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The output members of every version of a condition table (<c>ConditionTable.Rules[].Output</c>): what a business rule
    /// task adds under its result variable. A table named per instance (<c>qadam:table="=school.indicatorTable"</c>) may be
    /// any table, so a key starting with <c>=</c> gives every table's outputs.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> ConditionTableOutputsAsync(string tableKey, CancellationToken cancellationToken = default)
    {
        var any = tableKey.StartsWith('=');
        var contents = await db.Definitions.AsNoTracking()
            .Where(d => (any || d.Key == tableKey) && d.Kind == DefinitionKind.ConditionTable)
            .Select(d => d.Content).ToListAsync(cancellationToken);
        return [.. contents.Select(c => ConditionTable.Parse(c).Table).OfType<ConditionTable>()
            .SelectMany(t => t.Rules.Select(r => r.Output).OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key)))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The timers the instances of these business keys (case ids) wait on, soonest first.</summary>
    public Task<List<WaitingTimer>> TimersOfCasesAsync(IReadOnlyCollection<string> businessKeys, CancellationToken cancellationToken = default) =>
        (from t in db.Timers.AsNoTracking()
         join i in db.Instances.AsNoTracking() on t.InstanceId equals i.Id
         where i.BusinessKey != null && businessKeys.Contains(i.BusinessKey)
         orderby t.DueAt
         select new WaitingTimer(i.BusinessKey!, i.Id, i.DefinitionId, t.ElementId, t.DueAt)).ToListAsync(cancellationToken);

    /// <summary>The parsed model of a version by its id (one a timer or an instance names), or null.</summary>
    public async Task<ProcessModel?> ModelAsync(Guid definitionId, CancellationToken cancellationToken = default)
    {
        if (definitions.CachedModel(definitionId) is { } cached)
        {
            return cached;
        }

        var definition = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken);
        return definition is { Kind: DefinitionKind.Bpmn } ? definitions.ModelOrNull(definition) : null;
    }

    /// <summary>
    /// The parsed model of a published (or retired) BPMN version, or null: labels, legal bases and extensions of its
    /// elements. Only the version's id is read when its model was seen before.
    /// </summary>
    public async Task<ProcessModel?> ModelAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        // Each task completion asks (the signing-step check): a version seen before is answered from memory.
        if (definitions.CachedModel(key, version) is { } cached)
        {
            return cached;
        }

        var id = await PublishedBpmnId(db, key, version, cancellationToken);
        if (id is not { } found)
        {
            return null;
        }

        return definitions.CachedModel(found) ?? definitions.Model(await DefinitionById(db, found, cancellationToken));
    }

    // Compiled once (as EF.CompileAsyncQuery in the API's ListChildCases): no LINQ tree to build and look up per call.
    private static readonly Func<WorkflowsDbContext, string, int, CancellationToken, Task<Guid?>> PublishedBpmnId =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string key, int version, CancellationToken _) =>
            db.Definitions.AsNoTracking()
                .Where(d => d.Key == key && d.Version == version && d.Kind == DefinitionKind.Bpmn && d.Status != DefinitionStatus.Draft)
                .Select(d => (Guid?)d.Id).FirstOrDefault());

    private static readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<ProcessDefinition>> DefinitionById =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) => db.Definitions.AsNoTracking().Single(d => d.Id == id));

    /// <summary>
    /// The variables a token of an instance sees (its activity instance's own over the process's), e.g. to prefill the
    /// form of a task from the values of its multi-instance element; null when the instance does not exist.
    /// </summary>
    public async Task<JsonObject?> VariablesAtAsync(Guid instanceId, string tokenId, CancellationToken cancellationToken = default) =>
        (await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken))?.VariablesAt(tokenId);

    /// <summary>
    /// How an instance stands, or null: its status and declared outcome (the variable <c>caseStatus</c> when set, else the
    /// id of the last element its journal saw once it completed: its end event), variables, waits and legal basis.
    /// </summary>
    public async Task<InstanceView?> InstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var row = await (from i in db.Instances.AsNoTracking()
                         where i.Id == instanceId
                         select new
                         {
                             Instance = i,
                             LegalBasis = db.Definitions.Where(d => d.Id == i.DefinitionId).Select(d => d.LegalBasis).FirstOrDefault(),
                         }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var instance = row.Instance;
        var state = instance.LoadState();
        var caseStatus = InstanceVariables.CaseStatus(state.Variables);
        var outcome = caseStatus;
        if (instance.Status == InstanceStatus.Completed && caseStatus is null)
        {
            outcome = await db.Journal.Where(j => j.InstanceId == instanceId && j.ElementId != null)
                .OrderByDescending(j => j.Id).Select(j => j.ElementId).FirstOrDefaultAsync(cancellationToken);
        }

        return new InstanceView(instance.Id, instance.DefinitionKey, instance.DefinitionVersion, instance.BusinessKey, instance.Status,
            caseStatus, outcome, state.Variables, [.. state.Tokens.Select(t => t.NodeId).Distinct(StringComparer.Ordinal)], row.LegalBasis,
            instance.ReferenceDate, instance.StartedAt, instance.EndedAt);
    }
}
