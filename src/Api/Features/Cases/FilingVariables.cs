using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// The variables a case's process starts with: the case, the student and their organisation (or, for an organisation's own
/// case, its programme), the application, the voting bodies.
/// </summary>
internal static class FilingVariables
{
    public static async Task<JsonObject> BuildAsync(
        QadamDbContext db, Case @case, FilingSubject about, CaseProgramme? programme, FileCaseRequest request, string subject,
        AuditActor actor, CancellationToken cancellationToken)
    {
        var restricted = new JsonArray([.. Organisation.ProgrammeCodes(about.Programmes).Select(p => (JsonNode)p)]);
        var variables = new JsonObject
        {
            ["caseId"] = @case.Id.ToString(),
            ["caseNumber"] = @case.Number,
            ["organisation"] = about.Code,
            ["filedOn"] = request.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ground"] = @case.Ground,
            ["language"] = FileCaseValidation.LanguageOf(request),
            ["applicant"] = new JsonObject { ["id"] = subject, ["name"] = actor.Name },
            ["data"] = request.Data?.DeepClone() ?? new JsonObject(),
        };
        if (about.Student is { } student)
        {
            variables["student"] = new JsonObject
            {
                ["iin"] = student.Iin,
                ["fullName"] = student.FullName,
                ["birthDate"] = student.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["class"] = student.ClassName,
                ["level"] = student.Level.ToString(),
                ["organisation"] = about.Code,
                // What 349 para 3-1 / 103 para 3 test: the organisation's kind and its restricted programmes, not the student's.
                ["organisationKind"] = about.Kind.ToString(),
                ["organisationProgrammes"] = restricted,
            };
        }
        else if (programme is not null)
        {
            // An organisation's own case: the programme its order names, and the organisation under the name the
            // exclusion table reads for organisation-level cases (school.programmes, as the mass grounds' loop).
            variables["programme"] = new JsonObject { ["code"] = programme.Code, ["name"] = programme.Name };
            variables["programmeCode"] = programme.Code;
            variables["programmeName"] = programme.Name;
            variables["school"] = new JsonObject
            {
                ["organisation"] = about.Code, ["kind"] = about.Kind.ToString(), ["programmes"] = restricted,
            };
        }

        // The bodies that vote on the case (order 349 Annex 2 para 11(1), 2025 Annex 1 para 28(1)): one ballot per
        // member, each tied to its member by user id (qadam:assignee="=member.user"), as the engine's actor ids are.
        var members = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where u.OrganisationId == about.OrganisationId
                                   && (r.Name == QadamRoles.CouncilMember || r.Name == QadamRoles.Trustee)
                             orderby u.UserName
                             select new { u.Id, u.UserName, Role = r.Name }).ToListAsync(cancellationToken);
        JsonObject Body(string role) => new()
        {
            ["members"] = new JsonArray([.. members.Where(m => m.Role == role).Select(m => (JsonNode)new JsonObject
            {
                ["user"] = m.Id.ToString(), ["name"] = m.UserName, ["organisation"] = about.Code,
            })]),
        };
        if (about.Student is not null)
        {
            await Universities.UniversityCaseVariables.AddAsync(db, about.Student.Id, variables, cancellationToken);
        }

        variables["council"] = Body(QadamRoles.CouncilMember);
        variables["trustees"] = Body(QadamRoles.Trustee);
        return variables;
    }
}
