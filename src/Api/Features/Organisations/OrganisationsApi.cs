using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Organisations;

/// <summary>One organisation as the API shows it; for a college, <c>Programmes</c> lists the restricted programmes it runs.</summary>
public sealed record OrganisationResponse(
    Guid Id, string Code, string Kind, string NameKk, string NameRu, Guid? ParentId, IReadOnlyList<string>? Programmes = null);

/// <summary>Maps <c>/api/organisations</c>.</summary>
internal static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder routes)
    {
        // Open to everyone: the list of schools and offices is public reference data (names and codes, no people),
        // and the front-end needs it before sign-in. Everything about students and cases is scoped (CallerScope).
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations").AllowAnonymous();
        group.MapGet("/", ListAsync).WithSummary("Lists organisations, parents before children.");
        return routes;
    }

    private static async Task<Ok<List<OrganisationResponse>>> ListAsync(QadamDbContext db, CancellationToken cancellationToken)
    {
        var list = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Kind).ThenBy(o => o.Code)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(o => new OrganisationResponse(o.Id, o.Code, o.Kind.ToString(), o.NameKk, o.NameRu, o.ParentId,
            o.Kind == OrganisationKind.College ? Organisation.ProgrammeCodes(o.Programmes) : null)).ToList());
    }
}
