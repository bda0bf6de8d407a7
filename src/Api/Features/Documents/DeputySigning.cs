using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Tasks;
using Qadam.Documents.Registry;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// The person replacing the head signs only where the pathway says so: an open signing step of the document's case, for
/// the document's organisation, that names <c>deputyHead</c> among its candidates and signs the document's template key
/// (order 103 para 15: the weather order is the head's "or the person replacing the head"). Elsewhere (a parent's
/// application, whose order is the head's alone) the deputy's signature is refused like any other role's.
/// </summary>
internal static class DeputySigning
{
    /// <summary>True unless the caller signs as a deputy only and no open step of the case lets the deputy sign this document.</summary>
    public static async Task<bool> AllowedAsync(
        RegisteredDocument document, ClaimsPrincipal user, WorkflowsDbContext workflows, CancellationToken cancellationToken)
    {
        var asDeputyOnly = user.IsInRole(QadamRoles.DeputyHead)
                           && !DocumentSigners.Required(document.DocumentType).SelectMany(g => g)
                               .Any(r => r != QadamRoles.DeputyHead && user.IsInRole(r));
        if (!asDeputyOnly)
        {
            return true;
        }

        if (document.CaseReference is not { } reference)
        {
            return false;
        }

        var steps = await workflows.Tasks.AsNoTracking().Open()
            .Where(t => t.BusinessKey == reference
                        && (t.Organisation == null || t.Organisation == document.OrganisationCode)
                        && t.CandidateRoles.Contains(QadamRoles.DeputyHead))
            .ToListAsync(cancellationToken);
        foreach (var step in steps)
        {
            var (keys, _) = await SigningStep.SignedKeysAsync(step, workflows, cancellationToken);
            if (keys.Contains(document.TemplateKey, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
