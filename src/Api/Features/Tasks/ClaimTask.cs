using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Definitions;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Tasks;

/// <summary><c>POST /api/tasks/{id}/claim</c>: the task becomes the caller's; the engine refuses (409) when another holds it or it is done.</summary>
internal static class ClaimTask
{
    public static async Task<Results<Ok<TaskResponse>, NotFound, ForbidHttpResult>> HandleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows, ProcessEngine engine, AuditTrail audit,
        Documents.Citations citations, CancellationToken cancellationToken)
    {
        var task = await TasksApi.FindVisibleAsync(id, user, db, workflows, cancellationToken);
        if (task is null)
        {
            return TypedResults.NotFound();
        }

        if (!TasksApi.IsCandidate(task, user))
        {
            return TypedResults.Forbid();
        }

        var actor = AuditActor.From(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await workflows.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        await engine.ClaimTaskAsync(id, new Actor(user.FindFirstValue(Claims.Subject)!, actor.Roles, actor.OrganisationCode), cancellationToken);
        await audit.AppendAsync(actor, new AuditEntry("task.claimed", JsonSerializer.SerializeToUtf8Bytes(new { task = id, element = task.ElementId }),
            TasksApi.CaseId(task), task.DefinitionKey, task.DefinitionVersion, DefinitionsApi.Cite(task.LegalBasis)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var claimed = await workflows.Tasks.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        return TypedResults.Ok((await TasksApi.DescribeAsync([claimed], db, citations, cancellationToken))[0]);
    }
}
