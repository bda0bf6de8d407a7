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
}
