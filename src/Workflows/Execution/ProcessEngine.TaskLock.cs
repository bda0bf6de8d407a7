namespace Qadam.Workflows.Execution;

/// <summary>
/// A completion the host checks first (the caller's organisation and role, the form, the evidence, the signatures) reads the
/// task once: locked, in the caller's transaction, with its instance, and the completion that follows uses those rows
/// (as Camunda 7's command context reads an entity once per command).
/// </summary>
public sealed partial class ProcessEngine
{
    private (ProcessTask Task, ProcessInstance? Instance)? _lockedTask;

    // The completion's idempotency key and what the engine recorded under it (null: nothing), read with the locked task.
    private (string Key, string? RecordedResult)? _lockedCommand;

    /// <summary>
    /// Locks a task and its instance (FOR UPDATE) in the caller's open transaction and reads both in one round trip; the next
    /// <see cref="CompleteTaskAsync"/> of that task in this scope completes these rows without reading them again. A second
    /// completion of the same task waits here for the first, then reads it done. Null when there is no such task.
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on the engine's context: the lock would end at once.</exception>
    /// <param name="taskId">The task.</param>
    /// <param name="idempotencyKey">The key the completion will carry: its record is read in the same round trip, and the
    /// completion replays it or runs without looking it up again.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<ProcessTask?> LockTaskAsync(Guid taskId, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A task is locked for a completion only inside the caller's transaction.");
        }

        var (task, instance, recorded) = await CommandReader.LockTaskAsync(db, taskId, idempotencyKey, cancellationToken);
        _lockedTask = task is null ? null : (task, instance);
        _lockedCommand = task is null || idempotencyKey is null ? null : (idempotencyKey, recorded);
        return task;
    }

    /// <summary>
    /// Whether <see cref="LockTaskAsync"/> read the record of <paramref name="key"/> in this transaction, and what it read
    /// (null: none); taken once.
    /// </summary>
    private bool TakeLockedCommand(string key, out string? recordedResult)
    {
        recordedResult = null;
        if (_lockedCommand is not { } locked || !string.Equals(locked.Key, key, StringComparison.Ordinal) || db.Database.CurrentTransaction is null)
        {
            return false;
        }

        _lockedCommand = null;
        recordedResult = locked.RecordedResult;
        return true;
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
