using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Versions;

/// <summary>What a published version is, without its content: enough to bind a case, cite it and date it.</summary>
/// <param name="Id">Database id of the version.</param>
/// <param name="Kind">Process or table.</param>
/// <param name="Key">The definition key.</param>
/// <param name="Version">Its number.</param>
/// <param name="Name">Human name (the BPMN process name).</param>
/// <param name="EffectiveFrom">First filing date it applies to.</param>
/// <param name="LegalBasis">The act and edition it transcribes.</param>
public sealed record VersionInForce(Guid Id, DefinitionKind Kind, string Key, int Version, string? Name, DateOnly EffectiveFrom, LegalBasis? LegalBasis);

/// <summary>
/// The rule that binds a case to the version of its pathway in force on its filing date: the latest published version
/// whose effective-from date is on or before that date (a later edition of an order applies to applications filed after
/// it takes effect; running cases keep theirs). The one place the rule is written; the engine and the host both ask here.
/// </summary>
public sealed class VersionsInForce(WorkflowsDbContext db)
{
    /// <summary>The version of <paramref name="key"/> in force on <paramref name="date"/>, or null when none is.</summary>
    public Task<VersionInForce?> FindAsync(string key, DateOnly date, CancellationToken cancellationToken = default) =>
        FindAsync(db, key, date, cancellationToken);

    /// <summary>Whether any version of <paramref name="key"/> is published (to tell "starts later" from "no such pathway").</summary>
    public Task<bool> AnyPublishedAsync(string key, CancellationToken cancellationToken = default) =>
        db.Definitions.AnyAsync(d => d.Key == key && d.Status == DefinitionStatus.Published, cancellationToken);

    /// <summary>
    /// For every key of <paramref name="kind"/> (starting with <paramref name="keyPrefix"/> when given), the version in force on
    /// <paramref name="date"/>, ordered by key; a key with none in force is absent. Lists of pathways and of approved tables
    /// (a region's weather indicators) read here, one round trip, no content.
    /// </summary>
    public async Task<List<VersionInForce>> AllAsync(
        DefinitionKind kind, DateOnly date, string? keyPrefix = null, CancellationToken cancellationToken = default)
    {
        var published = db.Definitions.AsNoTracking()
            .Where(d => d.Kind == kind && d.Status == DefinitionStatus.Published && d.EffectiveFrom <= date);
        if (keyPrefix is not null)
        {
            published = published.Where(d => d.Key.StartsWith(keyPrefix));
        }

        var versions = await published
            .Select(d => new VersionInForce(d.Id, d.Kind, d.Key, d.Version, d.Name, d.EffectiveFrom!.Value, d.LegalBasis))
            .ToListAsync(cancellationToken);
        return [.. versions.GroupBy(v => v.Key, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Version).First())
            .OrderBy(v => v.Key, StringComparer.Ordinal)];
    }

    internal static Task<VersionInForce?> FindAsync(WorkflowsDbContext db, string key, DateOnly date, CancellationToken cancellationToken) =>
        Query(db, key, date)
            .Select(d => new VersionInForce(d.Id, d.Kind, d.Key, d.Version, d.Name, d.EffectiveFrom!.Value, d.LegalBasis))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The versions in force first; the engine reads a table's content through it.</summary>
    internal static IQueryable<ProcessDefinition> Query(WorkflowsDbContext db, string key, DateOnly date) =>
        db.Definitions.AsNoTracking()
            .Where(d => d.Key == key && d.Status == DefinitionStatus.Published && d.EffectiveFrom <= date)
            .OrderByDescending(d => d.EffectiveFrom).ThenByDescending(d => d.Version);
}
