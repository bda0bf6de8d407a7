namespace Qadam.Workflows.Execution;

/// <summary>
/// A completion the host checks first (the caller's organisation and role, the form, the evidence, the signatures) reads the
/// task once: locked, in the caller's transaction, with its instance, and the completion that follows uses those rows
/// (as Camunda 7's command context reads an entity once per command).
/// </summary>
public sealed partial class ProcessEngine
{
    private (ProcessTask Task, ProcessInstance? Instance)? _lockedTask;

    /// <summary>
    /// Locks a task and its instance (FOR UPDATE) in the caller's open transaction and reads both in one round trip; the next
    /// <see cref="CompleteTaskAsync"/> of that task in this scope completes these rows without reading them again. A second
    /// completion of the same task waits here for the first, then reads it done. Null when there is no such task.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on the engine's context: the lock would end at once.</exception>
    public async Task<ProcessTask?> LockTaskAsync(Guid taskId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A task is locked for a completion only inside the caller's transaction.");
        }

        var (task, instance) = await CommandReader.LockTaskAsync(db, taskId, cancellationToken);
        _lockedTask = task is null ? null : (task, instance);
        return task;
    }

    /// <summary>The rows <see cref="LockTaskAsync"/> read for this task, once; null when it locked another or none.</summary>
    private (ProcessTask? Task, ProcessInstance? Instance)? TakeLockedTask(Guid taskId)
    {
        if (_lockedTask is not { } locked || locked.Task.Id != taskId || db.Database.CurrentTransaction is null)
        {
            return null;
        }

        _lockedTask = null;
        return locked;
    }
}
