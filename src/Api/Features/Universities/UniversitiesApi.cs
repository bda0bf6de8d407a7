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
                issuingBody is the code of the regional education department (an organisation of kind Region). Idempotent by university, issuing body and number. 422 names the field in the caller's language.
                """)
            .WithRequestExample("""{"issuingBody":"r1","number":"ЧС-5","date":"2026-11-20","period":{"from":"2026-11-23","to":"2026-12-05"},"ground":"Карантин"}""");
        routes.MapGet("/api/students/me/pathways", StudentPathways.HandleAsync).WithTags("Universities")
            .RequireAuthorization(QadamRoles.Student)
            .WithSummary("The pathways a university student may file themselves, each with the version in force and its application form.")
            .WithDescription("Students only. form is the form-js schema (kk / ru labels) with a field for the required evidence; null when the pathway asks none.");
        routes.MapGet("/api/universities/students/{iin}", StudentStudy.HandleAsync).WithTags("Universities")
            .RequireAuthorization(QadamPolicies.ReadStudent)
            .WithSummary("Where a university student studies, by name: university, faculty, programme, year (404 outside the caller's scope).");
        return routes;
    }
}
