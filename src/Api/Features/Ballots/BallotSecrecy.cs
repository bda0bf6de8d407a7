using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Identity;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Ballots;

/// <summary>
/// How each member of a council or board voted is for the protocol only (2025 rules, para 28(1): the pedagogical council's
/// decision; its protocol is kept by the secretary and signed by the chair, the head of the school): the secretary, the
/// chair and the auditor read the ballots; everyone else, parents and the clerk included, reads the tally and the result
/// (<c>GET /api/cases/{id}/ballots</c>) and, on the case page, that a ballot was cast, not its vote or comment.
/// </summary>
internal static class BallotSecrecy
{
    private static readonly string[] BallotReaders = [QadamRoles.CouncilSecretary, QadamRoles.Head, QadamRoles.Auditor];

    public static bool MayReadBallots(ClaimsPrincipal user) => BallotReaders.Any(user.IsInRole);

    /// <summary>The case page with the data of each ballot (a multi-instance task's completion) removed, unless the caller may read ballots.</summary>
    public static async Task<CaseDetailResponse> ForCallerAsync(
        CaseDetailResponse detail, Guid? instanceId, ClaimsPrincipal user, EngineReads reads, CancellationToken cancellationToken)
    {
        if (MayReadBallots(user) || instanceId is null || detail.Decisions.Count == 0)
        {
            return detail;
        }

        var ballots = (await reads.BallotsAsync(instanceId.Value, cancellationToken)).Select(t => t.Id).ToHashSet();
        if (ballots.Count == 0)
        {
            return detail;
        }

        return detail with
        {
            Decisions = [.. detail.Decisions.Select(d => ballots.Contains(d.TaskId) ? d with { Data = null } : d)],
        };
    }
}
