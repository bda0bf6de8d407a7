using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Students;

/// <summary>
/// <c>GET /api/students/{iin}</c>: one student, if the caller sees them. A student outside the caller's scope answers
/// 404 exactly like an unknown IIN, so the endpoint does not tell who studies where.
/// </summary>
internal static class GetStudent
{
    public static async Task<Results<Ok<StudentResponse>, NotFound, ValidationProblem>> HandleAsync(
        string iin, ClaimsPrincipal user, QadamDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Iin.TryParse(iin, out var parsed, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["iin"] = [error] });
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var found = await (from s in db.Students.AsNoTracking()
                           join o in db.Organisations on s.OrganisationId equals o.Id
                           where s.Iin == parsed.Value
                                 && (scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId) || scope.StudentIds.Contains(s.Id))
                           select new { s, o.Code }).SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(StudentResponse.From(found.s, found.Code, KazakhstanClock.Today(time)));
    }
}
