using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Versions;

/// <summary>
/// Drafts, publication and retirement of definition versions, and the rule that binds a case to
/// the version in force on its filing date.
/// </summary>
public sealed class DefinitionStore(
    WorkflowsDbContext db, ActivityRegistry activities, TimeProvider time, EngineLimits? limits = null, ExpressionFunctions? functions = null,
    DefinitionCache? definitions = null)
{
    private readonly DefinitionCache _definitions = definitions ?? new DefinitionCache();

    /// <summary>
    /// Saves BPMN or table content as the key's draft (replacing an existing draft, else a new
    /// version number). Refused with every problem listed when invalid; nothing is stored then.
    /// <paramref name="references"/> adds the form and template keys the host knows; activities,
    /// tables and definition keys always come from the engine itself.
    /// </summary>
    public async Task<ProcessDefinition> SaveDraftAsync(DefinitionKind kind, string key, string content, string actor,
        DefinitionCatalog? references = null, CancellationToken cancellationToken = default) =>
        (await SaveDraftCheckedAsync(kind, key, content, actor, references, cancellationToken)).Definition;

    /// <summary>
    /// Saves a draft as <see cref="SaveDraftAsync"/> does, and gives back its warnings: what only publishing needs (candidate
    /// roles, activities, forms, templates, tables, called definitions bound by name). A draft drawn in another tool is saved
    /// with them; errors (what cannot run) refuse it, nothing stored.
    /// </summary>
    public async Task<(ProcessDefinition Definition, IReadOnlyList<DefinitionProblem> Warnings)> SaveDraftCheckedAsync(DefinitionKind kind,
        string key, string content, string actor, DefinitionCatalog? references = null, CancellationToken cancellationToken = default)
    {
        var problems = await CheckAsync(kind, key, content, references, cancellationToken);
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            throw new DefinitionRejectedException(problems);
        }

        var name = kind == DefinitionKind.Bpmn ? BpmnParser.Parse(content, null).Model?.Name : null;
        var latest = await db.Definitions.Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest is { Status: DefinitionStatus.Draft })
        {
            if (latest.Kind != kind)
            {
                throw new EngineException(EngineErrorKind.Conflict, $"'{key}' is a {latest.Kind}, not a {kind}.");
            }

            latest.ReplaceDraftContent(content, name);
        }
        else
        {
            if (latest is not null && latest.Kind != kind)
            {
                throw new EngineException(EngineErrorKind.Conflict, $"'{key}' is a {latest.Kind}, not a {kind}.");
            }

            latest = new ProcessDefinition(kind, key, (latest?.Version ?? 0) + 1, content, name, actor, time.GetUtcNow());
            db.Definitions.Add(latest);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (latest, problems);
    }

    /// <summary>
    /// Every problem of <paramref name="content"/> as a draft of <paramref name="key"/>, errors and the warnings that only
    /// block publishing, checked against the engine's catalog and the host's <paramref name="references"/>; stores nothing.
    /// </summary>
    public async Task<IReadOnlyList<DefinitionProblem>> CheckAsync(DefinitionKind kind, string key, string content,
        DefinitionCatalog? references = null, CancellationToken cancellationToken = default)
    {
        var own = await CatalogAsync(cancellationToken);
        var catalog = own with
        {
            FormKeys = references?.FormKeys,
            TemplateKeys = references?.TemplateKeys,
            // A process may call itself (a new edition of the same key calling a sub-procedure of it).
            DefinitionKeys = kind == DefinitionKind.Bpmn
                ? new HashSet<string>(own.DefinitionKeys!.Append(key), StringComparer.Ordinal)
                : own.DefinitionKeys,
        };
        return DefinitionCache.Check(kind, content, catalog);
    }

    /// <summary>
    /// Publishes a draft: from <paramref name="effectiveFrom"/> new cases bind to it; running cases keep
    /// their version. The content is checked again against the current catalog.
    /// </summary>
    public async Task<ProcessDefinition> PublishAsync(string key, int version, DateOnly effectiveFrom, LegalBasis legalBasis, string actor,
        CancellationToken cancellationToken = default)
    {
        var definition = await db.Definitions.SingleOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken)
                         ?? throw new EngineNotFoundException($"Version {version} of '{key}'");
        var problems = DefinitionCache.Check(definition.Kind, definition.Content, await CatalogAsync(cancellationToken));
        if (problems.Count > 0)
        {
            throw new DefinitionRejectedException(problems);
        }

        var startMessages = definition.Kind == DefinitionKind.Bpmn
            ? _definitions.Model(definition).Root.StartEvents.Select(s => s.Trigger).OfType<MessageTrigger>().Select(m => m.MessageName)
            : [];
        definition.Publish(effectiveFrom, legalBasis, startMessages, actor, time.GetUtcNow());
        if (definition.Kind == DefinitionKind.Bpmn)
        {
            definition.SetStartSignals(_definitions.Model(definition).Root.StartEvents.Select(s => s.Trigger).OfType<SignalTrigger>()
                .Select(s => s.SignalName));
        }
        if (definition.Kind == DefinitionKind.Bpmn)
        {
            ArmStartTimers(definition);
        }

        await db.SaveChangesAsync(cancellationToken);
        _definitions.Forget(key);
        return definition;
    }

    /// <summary>Retires a published version: no new case binds to it; running cases keep it. Returns the retired version.</summary>
    public async Task<ProcessDefinition> RetireAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        var definition = await db.Definitions.SingleOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken)
                         ?? throw new EngineNotFoundException($"Version {version} of '{key}'");
        definition.Retire();
        await db.Timers.Where(t => t.DefinitionId == definition.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        _definitions.Forget(key);
        return definition;
    }

    /// <summary>
    /// The instances of <paramref name="key"/> that <paramref name="effectiveFrom"/> as the effective date of
    /// <paramref name="version"/> would bind to another version (<see cref="EffectiveDateCorrection.PreviewAsync"/>); changes nothing.
    /// </summary>
    public Task<IReadOnlyList<RebindCandidate>> PreviewEffectiveDateAsync(
        string key, int version, DateOnly effectiveFrom, CancellationToken cancellationToken = default) =>
        EffectiveDateCorrection.PreviewAsync(db, key, version, effectiveFrom, cancellationToken);

    /// <summary>
    /// Corrects a published version's effective date (<see cref="EffectiveDateCorrection.CorrectAsync"/>), rebinding no
    /// instance; returns the old date and the corrected version.
    /// </summary>
    public async Task<(DateOnly Old, ProcessDefinition Corrected)> CorrectEffectiveDateAsync(
        string key, int version, DateOnly effectiveFrom, CancellationToken cancellationToken = default)
    {
        var old = await EffectiveDateCorrection.CorrectAsync(db, _definitions, key, version, effectiveFrom, cancellationToken);
        // CorrectAsync read the version tracked: no second read.
        return (old, db.Definitions.Local.Single(d => d.Key == key && d.Version == version));
    }

    /// <summary>A timer start event waits from publication; expressions see no case variables there.</summary>
    private void ArmStartTimers(ProcessDefinition definition)
    {
        var now = time.GetUtcNow();
        var expressions = new ExpressionEvaluator(ExpressionLimits.Default, now, functions: functions);
        foreach (var start in _definitions.Model(definition).Root.StartEvents)
        {
            if (start.Trigger is not TimerTrigger timer)
            {
                continue;
            }

            var (due, repeats) = TimerSchedule.First(start.Id, timer, now,
                value => value.StartsWith('=') ? expressions.Evaluate(start.Id, value[1..], [])?.ToString() ?? string.Empty : value);
            db.Timers.Add(new ProcessTimer
            {
                Id = Guid.CreateVersion7(now), DefinitionId = definition.Id, ElementId = start.Id, DueAt = due, RepeatsLeft = repeats,
            });
        }
    }

    /// <summary>The latest published version of <paramref name="key"/> whose effective date is on or before <paramref name="date"/>.</summary>
    public async Task<ProcessDefinition> InForceAsync(string key, DateOnly date, CancellationToken cancellationToken = default) =>
        await InForceQuery(db, key, date).FirstOrDefaultAsync(cancellationToken) ?? throw new NoVersionInForceException(key, date);

    internal static IQueryable<ProcessDefinition> InForceQuery(WorkflowsDbContext db, string key, DateOnly date) => VersionsInForce.Query(db, key, date);

    /// <summary>What references may point to: registered activities, existing definition and table keys.</summary>
    public async Task<DefinitionCatalog> CatalogAsync(CancellationToken cancellationToken = default)
    {
        var keys = await db.Definitions.AsNoTracking().Select(d => new { d.Key, d.Kind }).Distinct().ToListAsync(cancellationToken);
        // Forms and templates are the API's: it passes a fuller catalog when it has them.
        return new DefinitionCatalog(
            Activities: activities.Names,
            TableKeys: keys.Where(k => k.Kind == DefinitionKind.ConditionTable).Select(k => k.Key).ToHashSet(StringComparer.Ordinal),
            DefinitionKeys: keys.Where(k => k.Kind == DefinitionKind.Bpmn).Select(k => k.Key).ToHashSet(StringComparer.Ordinal),
            MaxMultiInstances: (limits ?? EngineLimits.Default).MaxMultiInstances);
    }
}
