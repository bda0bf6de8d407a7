namespace Qadam.Workflows.Execution;

/// <summary>Queries over the engine's user tasks that the engine and its host share.</summary>
public static class ProcessTaskQueries
{
    /// <summary>
    /// The tasks still waiting for a person: open or claimed (<see cref="ProcessTask.IsOpen"/>, written so the database
    /// can answer it).
    /// </summary>
    public static IQueryable<ProcessTask> Open(this IQueryable<ProcessTask> tasks) =>
        tasks.Where(t => t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.Claimed);

    /// <summary>
    /// The same condition for the engine's raw SQL on <c>workflows.tasks</c> (statuses are stored by name). Built from the enum's
    /// names so a renamed status cannot drift; ProcessTaskOpenStatusTests fails when <see cref="ProcessTask.IsOpen"/> gains a
    /// status this fragment does not list.
    /// </summary>
    internal const string OpenSql = $"status IN ('{nameof(UserTaskStatus.Open)}', '{nameof(UserTaskStatus.Claimed)}')";

    /// <summary>The name a cancelled task's status is stored under, for the same raw SQL.</summary>
    internal const string CancelledSql = $"'{nameof(UserTaskStatus.Cancelled)}'";
}
