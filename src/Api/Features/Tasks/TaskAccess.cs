using System.Security.Claims;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Tasks;

/// <summary>Who may see a task (its organisation is among the caller's) and who may work it (a candidate role).</summary>
internal static class TaskAccess
{
    /// <summary>The caller's roles, as the token names them.</summary>
    public static IReadOnlyList<string> Roles(ClaimsPrincipal user) => [.. user.FindAll(Claims.Role).Select(c => c.Value)];

    /// <summary>
    /// The task if the caller's organisations include the task's; null otherwise (answered 404: not even its existence leaks).
    /// </summary>
    public static async Task<ProcessTask?> FindVisibleAsync(
        Guid id, ClaimsPrincipal user, QadamDbContext db, EngineReads reads, CancellationToken cancellationToken)
    {
        var task = await reads.TaskAsync(id, cancellationToken);
        return task is not null && await IsVisibleAsync(task, user, db, cancellationToken) ? task : null;
    }

    /// <summary>Whether the caller's organisations (all for the ministry) include the task's organisation.</summary>
    public static async Task<bool> IsVisibleAsync(ProcessTask task, ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var codes = scope.OrganisationCodes();
        return codes is null || (task.Organisation is not null && codes.Contains(task.Organisation, StringComparer.Ordinal));
    }

    /// <summary>Whether one of the caller's roles is among the task's candidate roles.</summary>
    public static bool IsCandidate(ProcessTask task, ClaimsPrincipal user) =>
        task.CandidateRoles.Intersect(Roles(user), StringComparer.Ordinal).Any();
}
