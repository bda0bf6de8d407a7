using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Reads;

/// <summary>
/// What an instance and the instances it called wait for and went through, read across the tree at once (the designer's dry
/// run follows a draft through its called sub-processes this way). <c>instanceIds</c> is the tree
/// (<see cref="ProcessEngine.InstanceTreeAsync"/>).
/// </summary>
public sealed partial class EngineReads
{
    /// <summary>The journal of these instances after entry <paramref name="afterId"/>, in order.</summary>
    public Task<List<JournalEntry>> JournalAfterAsync(IReadOnlyCollection<Guid> instanceIds, long afterId, CancellationToken cancellationToken = default) =>
        db.Journal.AsNoTracking().Where(j => instanceIds.Contains(j.InstanceId) && j.Id > afterId).OrderBy(j => j.Id).ToListAsync(cancellationToken);

    /// <summary>The open tasks of these instances, oldest first (a multi-instance element's in loop order).</summary>
    public Task<List<ProcessTask>> OpenTasksOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        db.Tasks.AsNoTracking().Open().Where(t => instanceIds.Contains(t.InstanceId))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.LoopIndex).ToListAsync(cancellationToken);

    /// <summary>The service-task jobs these instances wait on, the next due first.</summary>
    public Task<List<ProcessJob>> JobsOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        db.Jobs.AsNoTracking().Where(j => instanceIds.Contains(j.InstanceId)).OrderBy(j => j.DueAt).ThenBy(j => j.Id).ToListAsync(cancellationToken);

    /// <summary>The timers these instances wait on, soonest first.</summary>
    public Task<List<ProcessTimer>> TimersOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        db.Timers.AsNoTracking().Where(t => t.InstanceId != null && instanceIds.Contains(t.InstanceId.Value)).OrderBy(t => t.DueAt)
            .ToListAsync(cancellationToken);

    /// <summary>The messages these instances wait for.</summary>
    public Task<List<MessageSubscription>> SubscriptionsOfAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken cancellationToken = default) =>
        db.Subscriptions.AsNoTracking().Where(s => instanceIds.Contains(s.InstanceId)).ToListAsync(cancellationToken);

    /// <summary>An instance's status, or null when there is no such instance.</summary>
    public Task<InstanceStatus?> InstanceStatusAsync(Guid instanceId, CancellationToken cancellationToken = default) =>
        db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => (InstanceStatus?)i.Status).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The parsed model of the version an instance runs (a draft's too, in a dry run), or null.</summary>
    public async Task<ProcessModel?> ModelOfInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var definitionId = await db.Instances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => (Guid?)i.DefinitionId)
            .SingleOrDefaultAsync(cancellationToken);
        return definitionId is { } id ? await ModelAsync(id, cancellationToken) : null;
    }
}
