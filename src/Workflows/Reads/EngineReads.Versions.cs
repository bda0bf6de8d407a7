using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Reads;

/// <summary>The definition versions a host lists and reads (the designer's catalogue), without touching the engine's tables.</summary>
public sealed partial class EngineReads
{
    /// <summary>Every version of every key, with its content, by key and newest version first.</summary>
    public Task<List<ProcessDefinition>> VersionsAsync(CancellationToken cancellationToken = default) =>
        db.Definitions.AsNoTracking().OrderBy(d => d.Key).ThenByDescending(d => d.Version).ToListAsync(cancellationToken);

    /// <summary>One BPMN version of a key, with its content, or null (also when the key's version is a condition table).</summary>
    public Task<ProcessDefinition?> BpmnVersionAsync(string key, int version, CancellationToken cancellationToken = default) =>
        db.Definitions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.Key == key && d.Version == version && d.Kind == DefinitionKind.Bpmn, cancellationToken);

    /// <summary>
    /// The number of the latest version of <paramref name="key"/> below <paramref name="version"/> that was published (and
    /// may since have been retired), or null: the edition a new draft follows.
    /// </summary>
    public Task<int?> ReleasedBeforeAsync(string key, int version, CancellationToken cancellationToken = default) =>
        db.Definitions.AsNoTracking()
            .Where(d => d.Key == key && d.Version < version && d.Status != DefinitionStatus.Draft)
            .OrderByDescending(d => d.Version).Select(d => (int?)d.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The parsed models of these BPMN versions by id (as <see cref="VersionInForce.Id"/> names them); a version whose model was
    /// seen before costs no read, the others are read in one round trip. A table, or content that does not parse, is absent.
    /// </summary>
    public async Task<Dictionary<Guid, ProcessModel>> ModelsAsync(IEnumerable<Guid> definitionIds, CancellationToken cancellationToken = default)
    {
        var models = new Dictionary<Guid, ProcessModel>();
        var missing = new List<Guid>();
        foreach (var id in definitionIds.Distinct())
        {
            if (definitions.CachedModel(id) is { } cached)
            {
                models[id] = cached;
            }
            else
            {
                missing.Add(id);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var definition in await db.Definitions.AsNoTracking().Where(d => missing.Contains(d.Id)).ToListAsync(cancellationToken))
            {
                if (definitions.ModelOrNull(definition) is { } model)
                {
                    models[definition.Id] = model;
                }
            }
        }

        return models;
    }
}
