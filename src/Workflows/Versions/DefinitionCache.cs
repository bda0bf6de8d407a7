using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Tables;

namespace Qadam.Workflows.Versions;

/// <summary>
/// The parsed definitions of one engine process, over an <see cref="IMemoryCache"/> with a size limit: models and condition
/// tables once per content (a published version never changes, so its model is shared by every command that runs it), the
/// version in force per key and day for a second, and the published condition tables, loaded with the model so that a
/// business-rule step or a working-day count reads memory, not the database, while the token runner runs. Publishing on this
/// node forgets what it changed at once (<see cref="Forget"/>); another node's publication is seen within the second.
/// Registered as a singleton by AddQadamWorkflows; one per database the process talks to.
/// </summary>
public sealed class DefinitionCache
{
    /// <summary>Entries the cache holds at most when the host gives no cache of its own: models, tables and lookups.</summary>
    public const long DefaultSizeLimit = 4096;

    private static readonly TimeSpan LookupLifetime = TimeSpan.FromSeconds(1);

    private readonly IMemoryCache _cache;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<ProcessModel, object> _readsTables = [];
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private long _tablesGeneration;

    /// <summary>A cache over <paramref name="cache"/>; every entry has size 1, so the cache's size limit counts entries.</summary>
    public DefinitionCache(IMemoryCache cache)
    {
        _cache = cache;
    }

    /// <summary>A cache of its own, bounded at <see cref="DefaultSizeLimit"/> entries.</summary>
    public DefinitionCache()
        : this(new MemoryCache(new MemoryCacheOptions { SizeLimit = DefaultSizeLimit }))
    {
    }

    private readonly record struct ModelByContent(string Sha256);

    private readonly record struct ModelById(Guid Id);

    private readonly record struct ModelByVersion(string Key, int Version);

    private readonly record struct TableByContent(string Sha256);

    private readonly record struct InForceLookup(string Key, DateOnly Date, long Generation);

    private readonly record struct TablesLookup(long Generation);

    /// <summary>A version in force: its id, number and the legal basis its edition cites.</summary>
    internal readonly record struct VersionInForce(Guid Id, int Version, LegalBasis? LegalBasis);

    /// <summary>Problems of a definition's content, as publishing checks them (nothing is cached).</summary>
    internal static IReadOnlyList<DefinitionProblem> Check(DefinitionKind kind, string content, DefinitionCatalog? catalog) =>
        kind switch
        {
            DefinitionKind.Bpmn => BpmnParser.Parse(content, catalog).Problems,
            _ => ConditionTable.Parse(content).Problems,
        };

    /// <summary>The executable model of a BPMN version; a version that is not a draft is remembered by id and by key and number too.</summary>
    /// <exception cref="DefinitionRejectedException">The content does not parse.</exception>
    public ProcessModel Model(ProcessDefinition definition)
    {
        var model = _cache.GetOrCreate(new ModelByContent(definition.ContentSha256), entry =>
        {
            entry.Size = 1;
            var result = BpmnParser.Parse(definition.Content, null);
            var parsed = result.Model ?? throw new DefinitionRejectedException(result.Problems);
            // A business-rule step reads a table; addWorkingDays and workingDaysBetween read the working-day calendar.
            if (definition.Content.Contains("businessRuleTask", StringComparison.Ordinal)
                || definition.Content.Contains("WorkingDays", StringComparison.Ordinal))
            {
                _readsTables.AddOrUpdate(parsed, parsed);
            }

            return parsed;
        })!;
        if (definition.Status != DefinitionStatus.Draft)
        {
            // A version that is not a draft never changes (and its key and number are unique): remembered by both.
            _cache.Set(new ModelById(definition.Id), model, new MemoryCacheEntryOptions { Size = 1 });
            _cache.Set(new ModelByVersion(definition.Key, definition.Version), model, new MemoryCacheEntryOptions { Size = 1 });
        }

        return model;
    }

    /// <summary>The model of a BPMN version for reading its labels and legal bases; null for a table or content that does not parse.</summary>
    public ProcessModel? ModelOrNull(ProcessDefinition definition)
    {
        if (definition.Kind != DefinitionKind.Bpmn)
        {
            return null;
        }

        try
        {
            return Model(definition);
        }
        catch (DefinitionRejectedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether running <paramref name="model"/> may read a condition table (a business-rule step, a working-day count), so the
    /// command loads the published tables with the model.
    /// </summary>
    internal bool ReadsTables(ProcessModel model) => _readsTables.TryGetValue(model, out _);

    /// <summary>The model of a published (or retired) version seen before, without asking the database.</summary>
    internal ProcessModel? CachedModel(Guid definitionId) => _cache.TryGetValue(new ModelById(definitionId), out ProcessModel? model) ? model : null;

    /// <summary>The model of a published (or retired) version seen before, by key and number, without asking the database.</summary>
    internal ProcessModel? CachedModel(string key, int version) =>
        _cache.TryGetValue(new ModelByVersion(key, version), out ProcessModel? model) ? model : null;

    /// <summary>The parsed condition table of a version.</summary>
    /// <exception cref="DefinitionRejectedException">The content does not parse.</exception>
    internal ConditionTable Table(ProcessDefinition definition) => Table(definition.ContentSha256, definition.Content);

    internal ConditionTable Table(string sha256, string content) =>
        _cache.GetOrCreate(new TableByContent(sha256), entry =>
        {
            entry.Size = 1;
            var (table, problems) = ConditionTable.Parse(content);
            return table ?? throw new DefinitionRejectedException(problems);
        })!;

    internal bool TryGetInForce(string key, DateOnly date, out VersionInForce version) =>
        _cache.TryGetValue(new InForceLookup(key, date, _generations.GetValueOrDefault(key)), out version);

    internal void RememberInForce(string key, DateOnly date, VersionInForce version) =>
        _cache.Set(new InForceLookup(key, date, _generations.GetValueOrDefault(key)), version,
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LookupLifetime });

    /// <summary>Forgets which versions of <paramref name="key"/> are in force: one was published, retired or re-dated.</summary>
    public void Forget(string key)
    {
        _generations.AddOrUpdate(key, 1, (_, generation) => generation + 1);
        Interlocked.Increment(ref _tablesGeneration);
    }

    /// <summary>The published condition tables, read at most once a second, with their parsed content.</summary>
    internal async Task<PublishedTables> TablesAsync(WorkflowsDbContext db, CancellationToken cancellationToken)
    {
        var lookup = new TablesLookup(Interlocked.Read(ref _tablesGeneration));
        if (_cache.TryGetValue(lookup, out PublishedTables? tables))
        {
            return tables!;
        }

        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.Kind == DefinitionKind.ConditionTable && d.Status == DefinitionStatus.Published && d.EffectiveFrom != null)
            .Select(d => new { d.Key, d.Version, EffectiveFrom = d.EffectiveFrom!.Value, d.ContentSha256, d.Content })
            .ToListAsync(cancellationToken);
        tables = new PublishedTables([.. rows.Select(r => new PublishedTable(r.Key, r.Version, r.EffectiveFrom, r.ContentSha256, r.Content))]);
        _cache.Set(lookup, tables, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = LookupLifetime });
        return tables;
    }
}

/// <summary>One published version of a condition table; its content is parsed (once, by the cache) when a step reads it.</summary>
internal sealed record PublishedTable(string Key, int Version, DateOnly EffectiveFrom, string ContentSha256, string Content);

/// <summary>The published condition tables at one moment, chosen by key and day as the version in force is.</summary>
internal sealed class PublishedTables(IReadOnlyList<PublishedTable> tables)
{
    /// <summary>The version of <paramref name="key"/> in force on <paramref name="date"/>: the latest effective date, then the latest version.</summary>
    public PublishedTable? InForce(string key, DateOnly date)
    {
        PublishedTable? found = null;
        foreach (var table in tables)
        {
            if (string.Equals(table.Key, key, StringComparison.Ordinal) && table.EffectiveFrom <= date
                && (found is null || table.EffectiveFrom > found.EffectiveFrom
                    || (table.EffectiveFrom == found.EffectiveFrom && table.Version > found.Version)))
            {
                found = table;
            }
        }

        return found;
    }
}
