using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;
using Qadam.Api.Hosting;
using Qadam.Api.Persistence;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Cases;

/// <summary>
/// A pathway the caller may file on the day: the version in force, its names, and the filing form (a form-js schema whose
/// fields are the members of <c>POST /api/cases</c>: the students the caller may file it for, its grounds, the filing date
/// within the accepted window, the applicant's language), labels "kk / ru" as every form of the pathways.
/// </summary>
public sealed record FilingPathway(string Key, int Version, string NameKk, string NameRu, JsonObject Form);

/// <summary>
/// <c>GET /api/cases/filing-forms</c>: what a filing screen, or any client that reads only the API, offers the caller. The
/// pathways started by their own endpoints (a regional emergency order, a frost decision, a university's registration of
/// the regional order) and those only called by other pathways (the distance regime) are not filed by hand.
/// </summary>
internal static class ListFilingForms
{
    /// <summary>Started by POST /api/emergency-orders, /api/weather-decisions and /api/universities/emergency-transfers.</summary>
    private static readonly HashSet<string> StartedElsewhere = new(["emergency-transfer", "weather", "university-emergency"], StringComparer.Ordinal);

    /// <summary>The largest list of students one form offers (a school's roster; a region files through its schools' clerks).</summary>
    private const int MaxStudents = 500;

    public static async Task<Results<Ok<List<FilingPathway>>, ProblemHttpResult>> HandleAsync(
        System.Security.Claims.ClaimsPrincipal user, QadamDbContext db, VersionsInForce versions, EngineReads reads,
        Workflows.Execution.ProcessEngine engine, TimeProvider time, CancellationToken cancellationToken, DateOnly? on = null)
    {
        var today = KazakhstanClock.Today(time);
        var day = on ?? today;
        if (day > today || day < today.AddDays(-FileCase.MaxDaysBack))
        {
            return UnprocessableProblem.Create("on", $"A case is filed on a day from {today.AddDays(-FileCase.MaxDaysBack):yyyy-MM-dd} to {today:yyyy-MM-dd}.");
        }

        var inForce = await versions.AllAsync(DefinitionKind.Bpmn, day, cancellationToken: cancellationToken);
        var models = await reads.ModelsAsync(inForce.Select(d => d.Id), cancellationToken);
        var called = models.Values.SelectMany(m => m.Nodes.OfType<CallActivity>().Select(c => c.CalledElement))
            .ToHashSet(StringComparer.Ordinal);

        var scope = await CallerScope.ResolveAsync(user, db, cancellationToken);
        var students = await (from s in db.Students.AsNoTracking()
                              join o in db.Organisations on s.OrganisationId equals o.Id
                              where scope.SeesAllOrganisations || scope.OrganisationIds.Contains(s.OrganisationId) || scope.StudentIds.Contains(s.Id)
                              orderby s.FullName, s.Iin
                              select new { s.Iin, s.FullName, s.ClassName, s.Level, o.Kind, o.Code })
            .Take(MaxStudents * 4).ToListAsync(cancellationToken);

        var answer = new List<FilingPathway>();
        foreach (var definition in inForce.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (StartedElsewhere.Contains(definition.Key) || called.Contains(definition.Key))
            {
                continue;
            }

            var eligible = students.Where(s => CaseScope.Refusal(s.Level, s.Kind, definition.Key) is null && Serves(definition.Key, s.Level)).Take(MaxStudents).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }

            var grounds = await CaseGrounds.OfAsync(engine, definition.Key, day, cancellationToken);
            var (nameRu, nameKk) = Names(definition.Name, definition.Key);
            var components = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "Field_studentIin", ["key"] = "studentIin", ["type"] = "select", ["searchable"] = true,
                    ["label"] = "Білім алушы / Обучающийся", ["validate"] = new JsonObject { ["required"] = true },
                    ["values"] = new JsonArray([.. eligible.Select(s => (JsonNode)new JsonObject
                    {
                        ["label"] = $"{s.FullName}, {s.ClassName} ({s.Code})", ["value"] = s.Iin,
                    })]),
                },
                grounds is null
                    ? new JsonObject
                    {
                        ["id"] = "Field_ground", ["key"] = "ground", ["type"] = "textfield", ["label"] = "Негіздеме / Основание",
                        ["validate"] = new JsonObject { ["required"] = true, ["maxLength"] = 2000 },
                    }
                    : new JsonObject
                    {
                        ["id"] = "Field_ground", ["key"] = "ground", ["type"] = "select", ["label"] = "Негіздеме / Основание",
                        ["validate"] = new JsonObject { ["required"] = true },
                        ["values"] = new JsonArray([.. grounds.Select(g => (JsonNode)new JsonObject
                        {
                            ["label"] = $"{g.LabelKk} / {g.LabelRu} ({g.Paragraph})", ["value"] = g.Code,
                        })]),
                    },
                new JsonObject
                {
                    // form-js has no min/max on a date field; the window is published as custom properties (FileCase checks it).
                    ["id"] = "Field_filedOn", ["key"] = "filedOn", ["type"] = "datetime", ["subtype"] = "date",
                    ["dateLabel"] = "Тіркелген күні / Дата регистрации", ["label"] = "Тіркелген күні / Дата регистрации",
                    ["defaultValue"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["validate"] = new JsonObject { ["required"] = true },
                    ["properties"] = new JsonObject
                    {
                        ["min"] = today.AddDays(-FileCase.MaxDaysBack).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        ["max"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    },
                },
                new JsonObject
                {
                    ["id"] = "Field_language", ["key"] = "language", ["type"] = "radio", ["label"] = "Өтініш тілі / Язык заявления",
                    ["defaultValue"] = "kk", ["validate"] = new JsonObject { ["required"] = true },
                    ["values"] = new JsonArray(
                        new JsonObject { ["label"] = "Қазақша / Казахский", ["value"] = "kk" },
                        new JsonObject { ["label"] = "Орысша / Русский", ["value"] = "ru" }),
                },
            };
            var form = new JsonObject
            {
                ["type"] = "default", ["id"] = "file-case-" + definition.Key, ["schemaVersion"] = 16, ["components"] = components,
            };
            answer.Add(new FilingPathway(definition.Key, definition.Version, nameKk, nameRu, form));
        }

        return TypedResults.Ok(answer);
    }

    /// <summary>
    /// Whom a pathway serves: the university pathways higher education (order 97, 374), the TVET online curriculum TVET
    /// students (order 225), the individual grounds of order 349 secondary and TVET students (Annex 2 para 1, 3).
    /// </summary>
    private static bool Serves(string pathway, EducationLevel level) => pathway switch
    {
        _ when pathway.StartsWith("university-", StringComparison.Ordinal) => level is EducationLevel.Bachelor or EducationLevel.Master or EducationLevel.Doctoral,
        "tvet-online" => level == EducationLevel.Tvet,
        _ => level is EducationLevel.Primary or EducationLevel.BasicSecondary or EducationLevel.GeneralSecondary or EducationLevel.Tvet,
    };

    /// <summary>The process's name is "Russian / Kazakh" (workflows/README.md, labels); the key when it has none.</summary>
    private static (string Ru, string Kk) Names(string? name, string key)
    {
        var parts = (name ?? key).Split(" / ", 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], parts[0]);
    }
}
