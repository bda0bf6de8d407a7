namespace Qadam.Api.Features.Organisations;

/// <summary>Maps <c>/api/organisations</c>.</summary>
internal static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder routes)
    {
        // Open to everyone: the list of schools and offices is public reference data (names and codes, no people),
        // and the front-end needs it before sign-in. Everything about students and cases is scoped (CallerScope).
        var group = routes.MapGroup("/api/organisations").WithTags("Organisations").AllowAnonymous();
        group.MapGet("/", ListOrganisations.HandleAsync).WithSummary("Lists organisations, parents before children.");
        return routes;
    }
}
