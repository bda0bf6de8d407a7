using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Persistence;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Features.Tasks;

/// <summary>A task with its form-js schema (null when no form with its key is known) and the keys of the form's fields.</summary>
public sealed record TaskDetailResponse(TaskResponse Task, bool CallerIsCandidate, JsonObject? Form, IReadOnlyList<string>? FormFields);

/// <summary><c>GET /api/tasks/{id}</c>: staff of the task's organisation may look; only candidates may claim or complete.</summary>
internal static class GetTask
{
    public static async Task<Results<Ok<TaskDetailResponse>, NotFound>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows, FormCatalog forms, CancellationToken cancellationToken)
    {
        var task = await TasksApi.FindVisibleAsync(id, user, db, workflows, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        var form = await forms.FindAsync(task.FormKey, cancellationToken);
        var described = await TasksApi.DescribeAsync([task], db, cancellationToken);
        return TypedResults.Ok(new TaskDetailResponse(described[0], TasksApi.IsCandidate(task, user), form?.Source.DeepClone().AsObject(), form?.Keys.ToList()));
    }
}
