using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Tables;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

/// <summary>
/// One command's unit of work: the instances it touched (a call activity and its child are settled
/// together), their runners, and the rows of every effect, written by <see cref="Writer"/> before the commit.
/// </summary>
internal sealed partial class EngineSession(ProcessEngine engine, WorkflowsDbContext db, DateTimeOffset now)
{
    /// <summary>Call activities nested deeper than this are refused (a process that calls itself forever).</summary>
    private const int MaxCallDepth = 16;

    private readonly Dictionary<Guid, Loaded> _loaded = [];
    private readonly List<Guid> _openedTasks = [];
    private readonly List<Guid> _closedTasks = [];
    private readonly Dictionary<Guid, string> _lastElements = [];

    private readonly DefinitionCache _definitions = engine.Definitions;

    /// <summary>The published condition tables, loaded with the model (<see cref="LoadTablesAsync"/>) so the runner reads memory.</summary>
    private PublishedTables? _tables;

    public DateTimeOffset Now { get; } = now;

    /// <summary>What this command has used of its limits, across every instance it touches.</summary>
    public CommandBudget Budget { get; } = new(engine.Limits);

    /// <summary>The rows this command writes, in one batch at the end (or before an observer reads them).</summary>
    public CommandWriter Writer { get; } = new(db);

    /// <summary>
    /// Reads the published condition tables before the runner needs them (a business-rule step, a working-day count), from
    /// the definition cache: the database is asked at most once a second per process.
    /// </summary>
    public async Task LoadTablesAsync(CancellationToken cancellationToken) =>
        _tables ??= await _definitions.TablesAsync(db, cancellationToken);

    private Task LoadTablesFor(ProcessModel model, CancellationToken cancellationToken) =>
        _tables is null && _definitions.ReadsTables(model) ? LoadTablesAsync(cancellationToken) : Task.CompletedTask;

    internal sealed record Loaded(ProcessInstance Instance, ProcessModel Model, TokenRunner Runner, Actor Actor)
    {
        public int Depth { get; init; }

        /// <summary>The legal basis of the version, when the command bound it (a start).</summary>
        public LegalBasis? VersionLegalBasis { get; init; }
    }

    /// <summary>A version to start: its identity, legal basis and parsed model.</summary>
    internal sealed record StartableVersion(Guid Id, string Key, int Version, ProcessModel Model, LegalBasis? LegalBasis = null);

    /// <summary>A task the command completed (it is closed with the command, as the tasks of ended tokens are).</summary>
    public void Closed(Guid taskId) => _closedTasks.Add(taskId);

    /// <summary>
    /// The version of <paramref name="key"/> in force on <paramref name="date"/>. Only its id is read
    /// on the hot path; the BPMN content is fetched once per version and its model cached.
    /// </summary>
    public async Task<StartableVersion?> InForceAsync(string key, DateOnly date, CancellationToken cancellationToken)
    {
        if (_definitions.TryGetInForce(key, date, out var cached) && _definitions.CachedModel(cached.Id) is { } cachedModel)
        {
            await LoadTablesFor(cachedModel, cancellationToken);
            return new StartableVersion(cached.Id, key, cached.Version, cachedModel, cached.LegalBasis);
        }

        var found = await VersionsInForce.FindAsync(db, key, date, cancellationToken);
        if (found is null)
        {
            return null;
        }

        _definitions.RememberInForce(key, date, new DefinitionCache.VersionInForce(found.Id, found.Version, found.LegalBasis));

        var model = _definitions.CachedModel(found.Id)
                    ?? _definitions.Model(await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == found.Id, cancellationToken));
        await LoadTablesFor(model, cancellationToken);
        return new StartableVersion(found.Id, found.Key, found.Version, model, found.LegalBasis);
    }

    public Loaded Create(StartableVersion version, DateOnly referenceDate, string? businessKey, JsonObject? variables, Actor actor, int depth = 0)
    {
        var instance = new ProcessInstance(Guid.CreateVersion7(Now), version.Id, version.Key, version.Version, referenceDate, businessKey, Now);
        Writer.Add(instance);
        var state = new InstanceState { Variables = (JsonObject?)variables?.DeepClone() ?? [] };
        return Track(instance, version.Model, state, actor, depth, version.LegalBasis);
    }

    public async Task<Loaded> LoadAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(instanceId, out var existing))
        {
            return existing;
        }

        var instance = await CommandReader.InstanceAsync(db, instanceId, cancellationToken)
                       ?? throw new EngineNotFoundException($"Instance {instanceId}");
        return await LoadAsync(instance, actor, cancellationToken);
    }

    /// <summary>An instance whose row the command has already read (with the task it completes, in the same round trip).</summary>
    public async Task<Loaded> LoadAsync(ProcessInstance instance, Actor actor, CancellationToken cancellationToken)
    {
        if (_loaded.TryGetValue(instance.Id, out var existing))
        {
            return existing;
        }

        if (instance.Status != InstanceStatus.Active)
        {
            throw new InstanceNotActiveException(instance.Id, instance.Status);
        }

        // Instances run published versions only, whose content never changes: the model is cached by version id.
        var model = _definitions.CachedModel(instance.DefinitionId)
                    ?? _definitions.Model(await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == instance.DefinitionId, cancellationToken));
        await LoadTablesFor(model, cancellationToken);
        Writer.Attach(instance);
        return Track(instance, model, instance.LoadState(), actor, 0);
    }

    private Loaded Track(ProcessInstance instance, ProcessModel model, InstanceState state, Actor actor, int depth, LegalBasis? legalBasis = null)
    {
        var expressions = new ExpressionEvaluator(engine.Limits.Expression, Now, Budget, Calendar, engine.Functions);
        var runner = new TokenRunner(instance, model, state, expressions, (key, date) => Table(key, date ?? instance.ReferenceDate), actor.Id, Now, Budget);
        var loaded = new Loaded(instance, model, runner, actor) { Depth = depth, VersionLegalBasis = legalBasis };
        _loaded[instance.Id] = loaded;
        return loaded;
    }

    /// <summary>The condition table in force on a day: the instance's reference date, or a step's qadam:tableDate.</summary>
    private readonly Dictionary<int, WorkingCalendar?> _calendars = [];

    /// <summary>The working-day calendar of a year: the version of <see cref="WorkingCalendar.Key"/> in force on its 1 January.</summary>
    private WorkingCalendar? Calendar(int year)
    {
        if (!_calendars.TryGetValue(year, out var calendar))
        {
            var definition = Tables.InForce(WorkingCalendar.Key, new DateOnly(year, 1, 1));
            // A version in force on 1 January but made for an earlier year is not this year's calendar.
            calendar = definition is not null && definition.EffectiveFrom.Year == year
                ? WorkingCalendar.From(_definitions.Table(definition.ContentSha256, definition.Content))
                : null;
            _calendars[year] = calendar;
        }

        return calendar;
    }

    // The tables come with the model of a process that reads them (DefinitionCache.ReadsTables); a process that does not
    // never gets here. Should one slip through, it reads them once, synchronously, rather than fail the case.
    private PublishedTables Tables => _tables ??= _definitions.TablesAsync(db, CancellationToken.None).GetAwaiter().GetResult();

    private ConditionTable Table(string key, DateOnly date)
    {
        var definition = Tables.InForce(key, date) ?? throw new NoVersionInForceException(key, date);
        return _definitions.Table(definition.ContentSha256, definition.Content);
    }

    public CommandResult Result(Loaded loaded)
    {
        var variables = loaded.Runner.State.Variables;
        return new(loaded.Instance.Id, loaded.Instance.DefinitionKey, loaded.Instance.DefinitionVersion, loaded.Instance.Status,
            [.. loaded.Runner.State.Tokens.Select(t => t.NodeId).Distinct(StringComparer.Ordinal)],
            [.. _openedTasks])
        {
            CaseStatus = InstanceVariables.CaseStatus(variables),
            LastElementId = _lastElements.GetValueOrDefault(loaded.Instance.Id),
            LegalBasis = loaded.VersionLegalBasis,
            ClosedTasks = [.. _closedTasks.Distinct()],
            Variables = (JsonObject)variables.DeepClone(),
        };
    }

    /// <summary>
    /// Writes what the runners did: new wait objects, dropped ones, journal, outbox; starts and ends
    /// called instances, and hands results back to callers, until nothing is left to do.
    /// </summary>
    public async Task SettleAsync(CancellationToken cancellationToken)
    {
        bool again;
        do
        {
            again = false;
            foreach (var loaded in _loaded.Values.ToList())
            {
                again |= await SettleOneAsync(loaded, cancellationToken);
            }

            again |= await DeliverThrownAsync(cancellationToken);
        }
        while (again);
    }

    private async Task<bool> SettleOneAsync(Loaded loaded, CancellationToken cancellationToken)
    {
        var effects = loaded.Runner.Effects;
        var (instance, runner) = (loaded.Instance, loaded.Runner);
        var changed = false;
        var ended = effects.EndedTokens.ToArray();
        effects.EndedTokens.Clear();

        // Wait objects made and dropped within this command never reach the database.
        bool Live(string? tokenId) => tokenId is null || !ended.Contains(tokenId, StringComparer.Ordinal);
        foreach (var task in Drain(effects.NewTasks).Where(t => Live(t.TokenId)))
        {
            Writer.Add(task);
            _openedTasks.Add(task.Id);
        }

        foreach (var timer in Drain(effects.NewTimers).Where(t => Live(t.TokenId)))
        {
            Writer.Add(timer);
        }

        foreach (var subscription in Drain(effects.NewSubscriptions).Where(s => Live(s.TokenId)))
        {
            Writer.Add(subscription);
        }

        foreach (var job in Drain(effects.NewJobs).Where(j => Live(j.TokenId)))
        {
            Writer.Add(job);
        }

        foreach (var entry in Drain(effects.Journal))
        {
            if (entry.ElementId is not null)
            {
                _lastElements[entry.InstanceId] = entry.ElementId;
            }

            Writer.Add(entry);
        }

        foreach (var message in Drain(effects.Outbox))
        {
            Writer.Add(message);
        }

        if (ended.Length > 0)
        {
            DropWaitObjects(instance.Id, ended);
            // Only a call activity starts children: a process without one has none to look for (a broadcast ends a thousand waits).
            var calls = loaded.Model.Nodes.Any(n => n is CallActivity);
            foreach (var child in !calls ? [] : await db.Instances
                         .Where(i => i.ParentInstanceId == instance.Id && ended.Contains(i.ParentTokenId!) && i.Status == InstanceStatus.Active)
                         .Select(i => i.Id).ToListAsync(cancellationToken))
            {
                var loadedChild = await LoadAsync(child, loaded.Actor, cancellationToken);
                loadedChild.Runner.CancelAll("the calling activity was interrupted");
                changed = true;
            }
        }

        foreach (var (tokenId, call) in Drain(effects.ChildStarts))
        {
            await StartChildAsync(loaded, tokenId, call, cancellationToken);
            changed = true;
        }

        // Before the caller hears that the called instance ended: an escalation end event must reach it first.
        changed |= await EscalateToCallerAsync(loaded, cancellationToken);
        instance.SaveState(runner.State);
        if (runner.EndedAs is { } status && instance.Status == InstanceStatus.Active)
        {
            instance.End(status, Now);
            changed |= await ReturnToParentAsync(loaded, status, cancellationToken);
        }

        return changed;
    }

    private static List<T> Drain<T>(List<T> list)
    {
        var copy = list.ToList();
        list.Clear();
        return copy;
    }

    /// <summary>
    /// Tasks of ended tokens are cancelled (kept for the record); their timers, subscriptions and jobs are deleted. The
    /// statement runs in its place in the command's batch, so it also takes the rows this command wrote before it.
    /// </summary>
    private const string DropWaitObjectsSql = $"""
        WITH timers AS (DELETE FROM workflows.timers WHERE instance_id = $1 AND token_id = ANY($2)),
             subscriptions AS (DELETE FROM workflows.subscriptions WHERE instance_id = $1 AND token_id = ANY($2)),
             jobs AS (DELETE FROM workflows.jobs WHERE instance_id = $1 AND token_id = ANY($2))
        UPDATE workflows.tasks SET status = {ProcessTaskQueries.CancelledSql}, ended_at = $3
        WHERE instance_id = $1 AND token_id = ANY($2) AND {ProcessTaskQueries.OpenSql}
        """;

    private void DropWaitObjects(Guid instanceId, string[] tokens)
    {
        foreach (var task in Writer.Tasks.Where(t => t.InstanceId == instanceId && tokens.Contains(t.TokenId, StringComparer.Ordinal)))
        {
            task.Cancel(Now);
            _closedTasks.Add(task.Id);
        }

        Writer.Execute(DropWaitObjectsSql,
            new NpgsqlParameter<Guid> { TypedValue = instanceId, NpgsqlDbType = NpgsqlDbType.Uuid },
            new NpgsqlParameter<string[]> { TypedValue = tokens, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new NpgsqlParameter<DateTimeOffset> { TypedValue = Now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
    }

    private async Task StartChildAsync(Loaded parent, string tokenId, CallActivity call, CancellationToken cancellationToken)
    {
        if (parent.Depth >= MaxCallDepth)
        {
            throw new ProcessLogicException(call.Id, $"call activities nest deeper than {MaxCallDepth} levels");
        }

        var definition = await InForceAsync(call.CalledElement, parent.Instance.ReferenceDate, cancellationToken)
                         ?? throw new NoVersionInForceException(call.CalledElement, parent.Instance.ReferenceDate);
        var child = Create(definition, parent.Instance.ReferenceDate, parent.Instance.BusinessKey, parent.Runner.VariablesFor(tokenId), parent.Actor,
            parent.Depth + 1);
        child.Instance.SetParent(parent.Instance.Id, tokenId);
        child.Runner.Start(child.Model.Root.NoneStart
                           ?? throw new ProcessLogicException(call.Id, $"'{call.CalledElement}' has no none start event"));
    }

    /// <summary>A called instance ended: its caller moves on (completed), or receives its uncaught error.</summary>
    private async Task<bool> ReturnToParentAsync(Loaded child, InstanceStatus status, CancellationToken cancellationToken)
    {
        if (child.Instance.ParentInstanceId is not { } parentId || status is InstanceStatus.Cancelled)
        {
            return false;
        }

        var parent = await LoadAsync(parentId, child.Actor, cancellationToken);
        var tokenId = child.Instance.ParentTokenId!;
        if (parent.Runner.State.FindToken(tokenId) is not { } token)
        {
            return false;
        }

        if (status == InstanceStatus.Failed && child.Runner.Effects.ErrorToParent is { } errorCode)
        {
            parent.Runner.ThrowErrorAt(tokenId, errorCode);
            return true;
        }

        var call = (CallActivity)parent.Model.Node(token.NodeId);
        var variables = child.Runner.State.Variables;
        var output = call.Outputs is null
            ? variables
            : new JsonObject(call.Outputs.Where(variables.ContainsKey).Select(n => KeyValuePair.Create(n, variables[n]?.DeepClone())));
        // Called from inside one instance of a multi-instance sub-process (one school's regime), the output is that instance's.
        parent.Runner.MergeAt(tokenId, output);
        parent.Runner.Resume(tokenId);
        return true;
    }
}
