using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Qadam.Api.Features.Parents;

/// <summary><c>GET /api/parents/me/children</c>: the children linked to the calling parent.</summary>
internal static class ListChildren
{
    public static async Task<Ok<List<StudentResponse>>> HandleAsync(
        ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(user.FindFirstValue(Claims.Subject)!);
        var rows = await (from l in db.ParentLinks.AsNoTracking()
                          join s in db.Students on l.StudentId equals s.Id
                          join o in db.Organisations on s.OrganisationId equals o.Id
                          where l.ParentUserId == userId
                          orderby s.FullName
                          select new { s, o.Code }).ToListAsync(cancellationToken);
        var today = KazakhstanClock.Today(time);
        return TypedResults.Ok(rows.Select(x => StudentResponse.From(x.s, x.Code, today)).ToList());
    }
}
