using Qadam.Api.Features.Identity;

namespace Qadam.Api.Features.Parents;

/// <summary>Maps <c>/api/parents/me</c>.</summary>
internal static class ParentsApi
{
    public static IEndpointRouteBuilder MapParentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/parents/me").WithTags("Parents").RequireAuthorization(QadamPolicies.Parent);
        group.MapGet("/children", ListChildren.HandleAsync).WithSummary("The children linked to the calling parent.");
        group.MapPost("/children", LinkChild.HandleAsync)
            .WithSummary("Links a child by IIN, e.g. {\"iin\":\"061211600012\"}, when the child's roster names the caller's IIN as a parent's.");
        return routes;
    }
}
