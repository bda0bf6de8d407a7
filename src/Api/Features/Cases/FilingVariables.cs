using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// The variables a case's process starts with: the case, the student and their organisation, the application, the voting
/// bodies.
/// </summary>
internal static class FilingVariables
{
    public static async Task<JsonObject> BuildAsync(
        QadamDbContext db, Case @case, FilingStudent student, FileCaseRequest request, string subject, AuditActor actor,
        CancellationToken cancellationToken)
    {
        var variables = new JsonObject
        {
            ["caseId"] = @case.Id.ToString(),
            ["caseNumber"] = @case.Number,
            ["student"] = new JsonObject
            {
                ["iin"] = student.Student.Iin,
                ["fullName"] = student.Student.FullName,
                ["birthDate"] = student.Student.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["class"] = student.Student.ClassName,
                ["level"] = student.Student.Level.ToString(),
                ["organisation"] = student.Code,
                // What 349 para 3-1 / 103 para 3 test: the organisation's kind and its restricted programmes, not the student's.
                ["organisationKind"] = student.Kind.ToString(),
                ["organisationProgrammes"] = new JsonArray([.. Organisation.ProgrammeCodes(student.Programmes).Select(p => (JsonNode)p)]),
            },
            ["organisation"] = student.Code,
            ["filedOn"] = request.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ground"] = @case.Ground,
            ["language"] = FileCaseValidation.LanguageOf(request),
            ["applicant"] = new JsonObject { ["id"] = subject, ["name"] = actor.Name },
            ["data"] = request.Data?.DeepClone() ?? new JsonObject(),
        };

        // The bodies that vote on the case (order 349 Annex 2 para 11(1), 2025 Annex 1 para 28(1)): one ballot per
        // member, each tied to its member by user id (qadam:assignee="=member.user"), as the engine's actor ids are.
        var members = await (from u in db.Users
                             join ur in db.UserRoles on u.Id equals ur.UserId
                             join r in db.Roles on ur.RoleId equals r.Id
                             where u.OrganisationId == student.Student.OrganisationId
                                   && (r.Name == QadamRoles.CouncilMember || r.Name == QadamRoles.Trustee)
                             orderby u.UserName
                             select new { u.Id, u.UserName, Role = r.Name }).ToListAsync(cancellationToken);
        JsonObject Body(string role) => new()
        {
            ["members"] = new JsonArray([.. members.Where(m => m.Role == role).Select(m => (JsonNode)new JsonObject
            {
                ["user"] = m.Id.ToString(), ["name"] = m.UserName, ["organisation"] = student.Code,
            })]),
        };
        await Universities.UniversityCaseVariables.AddAsync(db, student.Student.Id, variables, cancellationToken);
        variables["council"] = Body(QadamRoles.CouncilMember);
        variables["trustees"] = Body(QadamRoles.Trustee);
        return variables;
    }
}
