using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.EmergencyOrders;

/// <summary>
/// Whether a caller acts within an emergency order: every organisation the order covers lies in the caller's scope
/// (a regional officer lifts, or signals, only the orders of the officer's own territory).
/// </summary>
internal static class EmergencyOrderAccess
{
    public static async Task<bool> CoversOnlyVisibleAsync(
        EmergencyOrder order, CallerScope caller, QadamDbContext db, CancellationToken cancellationToken)
    {
        var covered = await db.Organisations.AsNoTracking().Where(o => order.Organisations.Contains(o.Code)).Select(o => o.Id)
            .ToListAsync(cancellationToken);
        return covered.Count > 0 && covered.All(caller.CanSeeOrganisation);
    }
}
