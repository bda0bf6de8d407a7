using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Features.Audit;
using Qadam.Api.Hosting;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary><c>POST /api/definitions/{key}/versions/{version}/retire</c>: no new case binds to the version; running cases keep it.</summary>
internal static class RetireDefinition
{
    public static async Task<Results<Ok<DefinitionVersionResponse>, NotFound>> HandleAsync(
        string key, int version, ClaimsPrincipal user, CommandTransaction command, DefinitionStore store, CancellationToken cancellationToken)
    {
        var actor = AuditActor.From(user);
        var retired = await command.RunAsync(actor, ct => store.RetireAsync(key, version, ct),
            r => new AuditEntry("definition.retired", JsonSerializer.SerializeToUtf8Bytes(new { key, version }),
                ProcessKey: key, ProcessVersion: version, LegalBasis: Documents.LegalCitation.Line(r.LegalBasis)), cancellationToken);
        return TypedResults.Ok(DefinitionResponses.ToResponse(retired));
    }
}
