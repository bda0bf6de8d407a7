using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Qadam.Api.Features.Audit;
using Qadam.Api.Persistence;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary><c>POST /api/definitions/{key}/versions/{version}/retire</c>: no new case binds to the version; running cases keep it.</summary>
internal static class RetireDefinition
{
    public static async Task<Results<Ok<DefinitionVersionResponse>, NotFound>> HandleAsync(
        string key, int version, ClaimsPrincipal user, QadamDbContext db, WorkflowsDbContext workflows, DefinitionStore store,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        var actor = AuditActor.From(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await workflows.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        await store.RetireAsync(key, version, cancellationToken);
        var retired = await workflows.Definitions.AsNoTracking().SingleAsync(d => d.Key == key && d.Version == version, cancellationToken);
        await audit.AppendAsync(actor, new AuditEntry("definition.retired", JsonSerializer.SerializeToUtf8Bytes(new { key, version }),
            ProcessKey: key, ProcessVersion: version, LegalBasis: DefinitionsApi.Cite(retired.LegalBasis)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(DefinitionsApi.ToResponse(retired));
    }
}
