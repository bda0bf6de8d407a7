using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Tasks;

/// <summary><c>POST /api/tasks/{id}/claim</c>: the task becomes the caller's; the engine refuses (409) when another holds it or it is done.</summary>
internal static class ClaimTask
{
    public static async Task<Results<Ok<TaskResponse>, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, [AsParameters] TaskCommandServices services, Documents.Citations citations, CancellationToken cancellationToken)
    {
        var (user, db, reads, engine) = (services.User, services.Db, services.Reads, services.Engine);
        var task = await TasksApi.FindVisibleAsync(id, user, db, reads, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        if (!TasksApi.IsCandidate(task, user))
        {
            return TypedResults.Forbid();
        }

        var actor = AuditActor.From(user);
        await services.Command.RunAsync(actor,
            ct => engine.ClaimTaskAsync(id, new Actor(user.FindFirstValue(Claims.Subject)!, actor.Roles, actor.OrganisationCode), ct),
            _ => new AuditEntry("task.claimed", JsonSerializer.SerializeToUtf8Bytes(new { task = id, element = task.ElementId }),
                TasksApi.CaseId(task), task.DefinitionKey, task.DefinitionVersion, Documents.LegalCitation.Line(task.LegalBasis)), cancellationToken);

        var claimed = await reads.TaskAsync(id, cancellationToken) ?? task;
        return TypedResults.Ok((await TasksApi.DescribeAsync([claimed], db, citations, cancellationToken))[0]);
    }
}
