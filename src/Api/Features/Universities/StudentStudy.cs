using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Universities;

/// <summary>Where a university student studies, by name: university, faculty, programme (with its code), year.</summary>
public sealed record StudentStudyResponse(
    string Iin, string FullName, string UniversityNameKk, string UniversityNameRu, string FacultyNameKk, string FacultyNameRu,
    string ProgrammeCode, string ProgrammeNameKk, string ProgrammeNameRu, int Year, string Level);

/// <summary>
/// <c>GET /api/universities/students/{iin}</c>: the case screens name the student's programme and faculty instead of the
/// university's code. 404 for a student outside the caller's scope, an unknown IIN or a student without a study plan.
/// </summary>
internal static class StudentStudy
{
    public static async Task<Results<Ok<StudentStudyResponse>, NotFound, ValidationProblem>> HandleAsync(
        string iin, ClaimsPrincipal user, QadamDbContext db, CancellationToken cancellationToken)
    {
        if (!Iin.TryParse(iin, out var parsed, out var error))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["iin"] = [error] });
        }

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var found = await (from s in db.Students.AsNoTracking()
                           join plan in db.StudyPlans on s.Id equals plan.StudentId
                           join programme in db.UniversityProgrammes on plan.ProgrammeId equals programme.Id
                           join faculty in db.Organisations on programme.FacultyId equals faculty.Id
                           join university in db.Organisations on s.OrganisationId equals university.Id
                           where s.Iin == parsed.Value
                                 && (scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId) || scope.StudentIds.Contains(s.Id))
                           select new StudentStudyResponse(s.Iin, s.FullName, university.NameKk, university.NameRu, faculty.NameKk, faculty.NameRu,
                               programme.Code, programme.NameKk, programme.NameRu, plan.Year, programme.Level.ToString()))
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? TypedResults.NotFound() : TypedResults.Ok(found);
    }
}
