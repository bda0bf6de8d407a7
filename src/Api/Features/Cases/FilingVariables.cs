using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// The variables a case's process starts with: the case, the student and their organisation (or, for an organisation's own
/// case, its programme), the application, the voting bodies. They are read before the case is numbered
/// (<see cref="BuildAsync"/>, then <see cref="Number"/>): the number's row lock queues the organisation's other filers until
/// the commit, so it is taken after every read the filing makes (bench/Http/README.md, "Session 11").
/// </summary>
internal static class FilingVariables
{
    /// <summary>Everything but the case's id and number (null until <see cref="Number"/>, first as before).</summary>
    public static async Task<JsonObject> BuildAsync(
        QadamDbContext db, FilingSubject about, CaseProgramme? programme, FileCaseRequest request, string subject,
        AuditActor actor, CancellationToken cancellationToken)
    {
        var restricted = new JsonArray([.. Organisation.ProgrammeCodes(about.Programmes).Select(p => (JsonNode)p)]);
        var variables = new JsonObject
        {
            ["caseId"] = null,
            ["caseNumber"] = null,
            ["organisation"] = about.Code,
            ["filedOn"] = request.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ground"] = request.Ground.Trim(),
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
        // They were read with the subject, in the same statement (FilingSubject).
        var members = about.Members;
        JsonObject Body(string role) => new()
        {
            ["members"] = new JsonArray([.. members.Where(m => m.Role == role).Select(m => (JsonNode)new JsonObject
            {
                ["user"] = m.Id.ToString(), ["name"] = m.UserName, ["organisation"] = about.Code,
            })]),
        };
        // Only higher education keeps study plans (orders 97 and 374); a school or college student has none to read.
        if (about.Student is { Level: >= EducationLevel.Bachelor })
        {
            await Universities.UniversityCaseVariables.AddAsync(db, about.Student.Id, variables, cancellationToken);
        }

        variables["council"] = Body(QadamRoles.CouncilMember);
        variables["trustees"] = Body(QadamRoles.Trustee);
        return variables;
    }

    /// <summary>The case's id and number, once it is numbered.</summary>
    public static JsonObject Number(JsonObject variables, Case @case)
    {
        variables["caseId"] = @case.Id.ToString();
        variables["caseNumber"] = @case.Number;
        return variables;
    }
}
