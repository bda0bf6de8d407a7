using Qadam.Api.Features.Identity;

namespace Qadam.Api.Features.Students;

/// <summary>Maps <c>/api/students</c>.</summary>
internal static class StudentsApi
{
    public static IEndpointRouteBuilder MapStudentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/students").WithTags("Students");
        group.MapGet("/", ListStudents.HandleAsync).RequireAuthorization(QadamPolicies.ReadRosters)
            .WithSummary("Lists the students of the organisations the caller sees (filter by organisation code and class; paged).");
        group.MapGet("/{iin}", GetStudent.HandleAsync).RequireAuthorization(QadamPolicies.ReadStudent)
            .WithSummary("One student by IIN, e.g. /api/students/061211600012; 404 when unknown or outside the caller's scope.");
        return routes;
    }
}
