using Qadam.Api.Features.Identity;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Universities;

/// <summary>Maps <c>/api/universities</c>.</summary>
internal static class UniversitiesApi
{
    public static IEndpointRouteBuilder MapUniversitiesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/universities/emergency-transfers", PostUniversityEmergency.HandleAsync).WithTags("Universities")
            .RequireAuthorization(QadamPolicies.RegisterUniversityEmergency)
            .WithSummary("Registers the regional emergency order's receipt at the caller's university and starts university-emergency.")
            .WithDescription("""
                Order 97 para 2: distance learning for all students on the regional education department's order. The
                registrar then records the labs, practice and studio work moved to later periods (para 25); the rector signs.
                Idempotent by university, issuing body and number. 422 names the field in the caller's language.
                """)
            .WithRequestExample("""{"issuingBody":"Управление образования города Астаны","number":"ЧС-5","date":"2026-11-20","period":{"from":"2026-11-23","to":"2026-12-05"},"ground":"Карантин"}""");
        return routes;
    }
}
