using System.Text.RegularExpressions;
using Qadam.Api.Features.Documents;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Api.Features.Templates;

/// <summary>
/// The variable paths a template of one process version may name (an upload naming anything else is refused):
/// what starts a case, what the version's forms, condition tables and multi-instance tasks add, what the engine's
/// activities set, and what the rendering step adds (<see cref="DocumentData"/>).
/// </summary>
/// <remarks>
/// The start variables are those of every way a process is started (a filed case, an emergency order, the regional
/// pathways' school list), not only of the key's own: a template naming another start's variable passes the upload and
/// its render refuses it with the missing path, which is the same message a step that runs too early gets.
/// </remarks>
internal static partial class TemplateVariables
{
    /// <summary>What FileCase, PostEmergencyOrder and the regional pathways give a process at start (workflows/README.md).</summary>
    private static readonly string[] StartPaths =
    [
        "caseId", "caseNumber", "student", "student.iin", "student.fullName", "student.birthDate", "student.class", "student.level",
        "student.organisation", "organisation", "filedOn", "ground", "language", "applicant", "applicant.id", "applicant.name", "data",
        "council", "council.members", "council.members.user", "council.members.name", "council.members.organisation",
        "trustees", "trustees.members", "trustees.members.user", "trustees.members.name", "trustees.members.organisation",
        "order", "order.id", "order.issuingBody", "order.issuerKk", "order.issuerRu", "order.number", "order.date", "order.ground", "order.territory",
        "period", "period.from", "period.to", "organisations",
        "schools", "schools.organisation", "schools.name", "schools.shifts",
        // An organisation's own case (tvet-online): the programme it is filed for, with no student (FileCase).
        "programme", "programme.code", "programme.name", "programmeCode", "programmeName",
        // A university student (UniversityCaseVariables): programme with its field, faculty, year and plan.
        "student.programme", "student.programme.code", "student.programme.nameKk", "student.programme.nameRu", "student.programme.field",
        "student.faculty", "student.faculty.nameKk", "student.faculty.nameRu", "student.year", "student.plan",
        // What check-plan-caps sets (Qadam.Workflows.HigherEducation.PlanCapsActivity).
        "capCheck", "capCheck.allowed", "capCheck.reasonKk", "capCheck.reasonRu", "capCheck.disciplines", "capCheck.disciplinesAtDistance",
        // What the script step summariseRefusals of workflows/university-online sets from its condition table's refusals.
        "onlineCheck", "onlineCheck.allowed", "onlineCheck.rules", "onlineCheck.reasonKk", "onlineCheck.reasonRu",
    ];

    /// <summary>What set-case-status sets (SetCaseStatusActivity).</summary>
    private static readonly string[] StatusPaths = ["caseStatus", "caseStatusLabel", "caseStatusLabel.kk", "caseStatusLabel.ru"];

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectLiteralKey();

    /// <summary>
    /// The known paths for <paramref name="model"/>. <paramref name="formFields"/> gives a form's field keys (null when
    /// the form is unknown); <paramref name="tableOutputs"/> the output members of a condition table's rows.
    /// </summary>
    public static async Task<IReadOnlySet<string>> ForAsync(
        ProcessModel model,
        Func<string, CancellationToken, Task<IReadOnlyCollection<string>?>> formFields,
        Func<string, CancellationToken, Task<IReadOnlyCollection<string>>> tableOutputs,
        CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StartPaths, StringComparer.Ordinal);
        known.UnionWith(StatusPaths);
        known.UnionWith(DocumentData.Paths);
        known.Add("documents");
        foreach (var node in model.Nodes)
        {
            if (node.Extension.TemplateKey is { } templateKey)
            {
                known.UnionWith([$"documents.{templateKey}", $"documents.{templateKey}.id", $"documents.{templateKey}.number",
                    $"documents.{templateKey}.language"]);
            }

            switch (node)
            {
                case UserTask task:
                    var fields = task.Extension.FormKey is { } formKey ? await formFields(formKey, cancellationToken) ?? [] : [];
                    if (task.MultiInstance is { } loop)
                    {
                        AddLoop(known, loop, fields);
                    }
                    else
                    {
                        known.UnionWith(fields);
                    }

                    break;
                case BusinessRuleTask rule:
                    known.Add(rule.ResultVariable);
                    known.UnionWith((await tableOutputs(rule.TableKey, cancellationToken)).Select(o => rule.ResultVariable + "." + o));
                    break;
                case ServiceTask { Activity: MassTransfers.RenderSchoolOrdersActivity.ActivityName }:
                    // What the per-school render adds to its school (RenderSchoolOrdersActivity): its names, the students moved so
                    // far, and the classes and shifts the order moves (order 103 para 16(1)).
                    known.UnionWith(["school", .. MassTransfers.RenderSchoolOrdersActivity.SchoolFields.Select(f => "school." + f)]);
                    break;
                case ScriptTask { ResultVariable: { } result }:
                    // A script's result is case data a document may print (the body that refused: parent-application's refusalDecidedBy).
                    known.Add(result);
                    break;
            }
        }

        return known;
    }

    // A ballot's item (member.user), its own form fields and the output list (councilVotes.vote); the item's fields come from the list it
    // iterates (council.members → user, name, organisation) or from the object literal of a map ({ organisation: code }).
    private static void AddLoop(HashSet<string> known, MultiInstance loop, IReadOnlyCollection<string> fields)
    {
        known.Add(loop.ElementVariable);
        var collection = loop.Collection ?? string.Empty;
        var source = StartPaths.Where(p => collection.StartsWith(p + ".", StringComparison.Ordinal) || collection == p)
            .OrderByDescending(p => p.Length).FirstOrDefault();
        var itemFields = source is null
            ? []
            : StartPaths.Where(p => p.StartsWith(source + ".", StringComparison.Ordinal)).Select(p => p[(source.Length + 1)..]).ToList();
        if (collection.Contains("=>", StringComparison.Ordinal))
        {
            itemFields.AddRange(ObjectLiteralKey().Matches(collection).Select(m => m.Groups[1].Value));
        }

        known.UnionWith(itemFields.Select(f => loop.ElementVariable + "." + f));
        // One instance's document (a school's order) is filled with that instance's own form data.
        known.UnionWith(fields);
        if (loop.OutputCollection is { } output)
        {
            known.Add(output);
            known.UnionWith(fields.Select(f => output + "." + f));
        }
    }
}
