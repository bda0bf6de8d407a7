using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Universities;

/// <summary>
/// What a university pathway reads of the student at filing: the programme with its field (order 97 para 20), the
/// faculty, the year and the plan (<c>student.programme</c>, <c>student.faculty</c>, <c>student.year</c>,
/// <c>student.plan</c>). The plan is copied into the case so the caps are decided on the plan as it stood when the
/// case was filed, and a later change of the plan does not change a decision already taken.
/// </summary>
internal static class UniversityCaseVariables
{
    public static async Task AddAsync(QadamDbContext db, Guid studentId, JsonObject variables, CancellationToken cancellationToken)
    {
        var found = await (from plan in db.StudyPlans.AsNoTracking()
                           join programme in db.UniversityProgrammes on plan.ProgrammeId equals programme.Id
                           join faculty in db.Organisations on programme.FacultyId equals faculty.Id
                           where plan.StudentId == studentId
                           select new { plan, programme, faculty }).SingleOrDefaultAsync(cancellationToken);
        if (found is null || variables["student"] is not JsonObject student)
        {
            return;
        }

        student["programme"] = new JsonObject
        {
            ["code"] = found.programme.Code,
            ["nameKk"] = found.programme.NameKk,
            ["nameRu"] = found.programme.NameRu,
            ["field"] = found.programme.Field,
            // Order 374 para 21 (MBA 30, EMBA and DBA 15 credits): the kind is the programme's, read from its record.
            ["kind"] = found.programme.Kind,
        };
        student["faculty"] = new JsonObject { ["nameKk"] = found.faculty.NameKk, ["nameRu"] = found.faculty.NameRu };
        student["year"] = found.plan.Year;
        student["plan"] = found.plan.ToJson();

        // Order 97 para 27: during an emergency registered by the university (university-emergency) the mobility and
        // double-degree caps may be exceeded; a case filed while one is in force starts with the mark (the open cases get
        // it from the emergency's signal, workflows/university-emergency).
        var filedOn = variables["filedOn"]?.GetValue<string>() is { } day ? DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        // The caps tables read the mark on every case, so it is always set (false outside an emergency).
        variables["emergencyDeclared"] = filedOn is { } on && await db.UniversityEmergencies.AsNoTracking()
            .AnyAsync(e => e.UniversityId == found.programme.UniversityId && e.OrderDate <= on && on <= e.PeriodTo, cancellationToken);
    }
}
