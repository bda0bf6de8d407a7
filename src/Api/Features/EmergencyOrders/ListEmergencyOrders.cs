using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>
/// <c>GET /api/emergency-orders</c>: the orders that concern at least one organisation the caller sees, newest first
/// (a regional officer: the region's; a head: those that closed the school).
/// </summary>
internal static class ListEmergencyOrders
{
    public static async Task<Ok<IReadOnlyList<EmergencyOrderResponse>>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken, int limit = 100)
    {
        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var visible = scope.OrganisationIds.ToList();
        var visibleCodes = await db.Organisations.AsNoTracking()
            .Where(o => scope.SeesAllOrganisations || visible.Contains(o.Id)).Select(o => o.Code).ToListAsync(cancellationToken);
        var orders = await db.EmergencyOrders.AsNoTracking()
            .Where(o => o.Organisations.Any(code => visibleCodes.Contains(code)))
            .OrderByDescending(o => o.PostedAt)
            .Take(Math.Clamp(limit, 1, 500))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<EmergencyOrderResponse>>([.. orders.Select(PostEmergencyOrder.ToResponse)]);
    }
}
