using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Workflows.Versions;

/// <summary>An instance whose binding a corrected effective date would change: bound now to one version, in force then another.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="BusinessKey">Its business key (the host's case id).</param>
/// <param name="ReferenceDate">The date it was bound on (the filing date).</param>
/// <param name="Status">Running or ended.</param>
/// <param name="BoundVersion">The version it runs.</param>
/// <param name="WouldBindVersion">The version in force on its reference date after the correction (null: none).</param>
public sealed record RebindCandidate(
    Guid InstanceId, string? BusinessKey, DateOnly ReferenceDate, InstanceStatus Status, int BoundVersion, int? WouldBindVersion);

/// <summary>
/// Correcting a published version's effective date: which instances the new date would bind differently (a preview), and the
/// correction itself, which never rebinds them: moving a running case to another version stays the explicit migration
/// command (<see cref="ProcessEngine"/>'s MigrateAsync), decided case by case.
/// </summary>
public static class EffectiveDateCorrection
{
    /// <summary>The instances of <paramref name="key"/> that the version in force on their reference date would change for.</summary>
    public static async Task<IReadOnlyList<RebindCandidate>> PreviewAsync(
        WorkflowsDbContext db, string key, int version, DateOnly effectiveFrom, CancellationToken cancellationToken = default)
    {
        var versions = (await db.Definitions.AsNoTracking()
                .Where(d => d.Key == key && d.Status == DefinitionStatus.Published && d.EffectiveFrom != null)
                .Select(d => new { d.Version, d.EffectiveFrom }).ToListAsync(cancellationToken))
            .Select(d => (d.Version, EffectiveFrom: d.Version == version ? effectiveFrom : d.EffectiveFrom!.Value))
            .OrderByDescending(d => d.EffectiveFrom).ThenByDescending(d => d.Version).ToList();
        // Only the instances whose reference date lies between the old and the new date can change; the others are read too,
        // since an instance may have been migrated by hand to a version its date would not choose.
        var old = await db.Definitions.AsNoTracking().Where(d => d.Key == key && d.Version == version)
            .Select(d => d.EffectiveFrom).SingleAsync(cancellationToken) ?? effectiveFrom;
        var from = old < effectiveFrom ? old : effectiveFrom;
        var to = old < effectiveFrom ? effectiveFrom : old;
        var instances = await db.Instances.AsNoTracking()
            .Where(i => i.DefinitionKey == key && i.ParentInstanceId == null && i.ReferenceDate >= from && i.ReferenceDate <= to)
            .OrderBy(i => i.ReferenceDate).ThenBy(i => i.StartedAt)
            .Select(i => new { i.Id, i.BusinessKey, i.ReferenceDate, i.Status, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var candidates = new List<RebindCandidate>();
        foreach (var instance in instances)
        {
            int? wouldBind = versions.Where(v => v.EffectiveFrom <= instance.ReferenceDate).Select(v => (int?)v.Version).FirstOrDefault();
            if (wouldBind != instance.DefinitionVersion)
            {
                candidates.Add(new RebindCandidate(instance.Id, instance.BusinessKey, instance.ReferenceDate, instance.Status,
                    instance.DefinitionVersion, wouldBind));
            }
        }

        return candidates;
    }

    /// <summary>Sets the version's effective date; returns the old one. Bound instances are not touched.</summary>
    public static async Task<DateOnly> CorrectAsync(
        WorkflowsDbContext db, DefinitionCache definitions, string key, int version, DateOnly effectiveFrom, CancellationToken cancellationToken = default)
    {
        var definition = await db.Definitions.SingleOrDefaultAsync(d => d.Key == key && d.Version == version, cancellationToken)
                         ?? throw new EngineNotFoundException($"Version {version} of '{key}'");
        var old = definition.EffectiveFrom ?? throw new DefinitionImmutableException(key, version);
        definition.CorrectEffectiveFrom(effectiveFrom);
        await db.SaveChangesAsync(cancellationToken);
        definitions.Forget(key);
        return old;
    }
}
