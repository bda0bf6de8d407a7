using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.Tasks;

/// <summary>The case a task works on: its instance's business key is the case id (<c>POST /api/cases</c> sets it).</summary>
internal static class TaskCase
{
    /// <summary>The case id, or null for a task of a process not started for a case (an emergency order, a weather decision).</summary>
    public static Guid? IdOf(ProcessTask task) => Guid.TryParse(task.BusinessKey, out var id) ? id : null;
}
