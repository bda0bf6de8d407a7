using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Organisations;

/// <summary><c>GET /api/organisations</c>: every organisation, parents before children (public reference data).</summary>
internal static class ListOrganisations
{
    public static async Task<Ok<List<OrganisationResponse>>> HandleAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        var list = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Kind).ThenBy(o => o.Code)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(o => new OrganisationResponse(o.Id, o.Code, o.Kind.ToString(), o.NameKk, o.NameRu, o.ParentId,
            o.Kind == OrganisationKind.College ? Organisation.ProgrammeCodes(o.Programmes) : null)).ToList());
    }
}
