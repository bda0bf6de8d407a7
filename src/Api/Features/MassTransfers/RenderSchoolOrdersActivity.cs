using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Api.Features.Documents;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;
using Qadam.Workflows.Execution;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>
/// The "render-school-orders" service task of the emergency and weather pathways: one order per school concerned
/// (the step's qadam:templateKey), in Kazakh and in Russian, numbered in each school's register and rendered in parallel,
/// all in the job's transaction. The documents are recorded in <c>schoolOrderDocuments.&lt;school&gt;.kk|ru</c> for the
/// head's task of that school, who reviews and signs them.
/// </summary>
internal sealed class RenderSchoolOrdersActivity(DocumentRegistryOptions options, TimeProvider time, Citations citations) : IProcessActivity
{
    public const string ActivityName = "render-school-orders";

    /// <summary>The fields each school's order may print from <c>school</c>, besides those of the loop's element.</summary>
    public static readonly IReadOnlyList<string> SchoolFields = ["organisation", "nameKk", "nameRu", "students", "classList", "shiftList"];

    public string Name => ActivityName;

    public async Task ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var templateKey = context.Extension.TemplateKey
                          ?? throw new InvalidOperationException($"{context.ElementId} has no qadam:templateKey to render.");
        var request = MassTransferActivity.RequestFor(context);
        // An organisation the transfer left out (a college with restricted programmes, 349 Annex 2 para 3-1 / 103 Annex 1
        // para 3) moved no one and gets no order; its exclusion and reason are on the transfer's progress.
        var excluded = ((context.Variables["transfers"] as JsonObject)?["transferStudents"]?["excluded"] as JsonArray ?? [])
            .Select(c => c?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var codes = request.OrganisationCodes.Where(c => !excluded.Contains(c)).ToList();
        var schools = await SchoolsAsync(context.Connection, context.Transaction, request, cancellationToken);
        // The city's list of schools is not the school's business, and copying it into each of hundreds of orders
        // would make rendering quadratic: it is left out once, before the per-school copies.
        var common = context.Variables.DeepClone().AsObject();
        common.Remove("schools");
        common.Remove("organisations");
        var requests = new List<IssueDocumentRequest>();
        foreach (var code in codes)
        {
            var variables = common.DeepClone().AsObject();
            // Within one school's instance the loop element (its name and shifts) is kept, with the names and count added.
            var school = (common["school"] as JsonObject)?.DeepClone().AsObject() ?? [];
            foreach (var (field, value) in schools[code])
            {
                school[field] = value?.DeepClone();
            }

            variables["school"] = school;
            var name = (schools[code]["nameKk"]!.GetValue<string>(), schools[code]["nameRu"]!.GetValue<string>());
            foreach (var language in (DocumentLanguage[])[DocumentLanguage.Kk, DocumentLanguage.Ru])
            {
                requests.Add(new IssueDocumentRequest(code, templateKey, language, context.DefinitionKey,
                    context.DefinitionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    DocumentData.ForStep(variables, context.ElementId, context.Extension, name, language, citations.Table), context.BusinessKey));
            }
        }

        await using var documents = await JobDocuments.OpenAsync(context, cancellationToken);

        var issued = await new DocumentRegistry(documents, options, time).IssueManyAsync(requests, Environment.ProcessorCount, cancellationToken);
        var bySchool = (context.Variables["schoolOrderDocuments"] as JsonObject)?.DeepClone().AsObject() ?? []; // a copy: a JSON node has one parent
        foreach (var document in issued)
        {
            var entry = bySchool[document.OrganisationCode] as JsonObject ?? [];
            entry[document.Language.ToCode()] = new JsonObject { ["id"] = document.Id, ["number"] = document.RegistryNumber };
            bySchool[document.OrganisationCode] = entry;
        }

        context.SetVariable("schoolOrderDocuments", bySchool);
    }

    /// <summary>
    /// Each school's names, how many of its students this instance has moved so far (none before the transfer), and the
    /// classes (groups) and shifts the order moves (order 103 para 16(1)): read from the roster with the very predicate the
    /// transfer uses (<see cref="StudentSelectionSql"/>), so the order names the classes of the decision, not what a head typed.
    /// </summary>
    private static async Task<Dictionary<string, JsonObject>> SchoolsAsync(
        DbConnection connection, DbTransaction? transaction, MassTransferRequest request, CancellationToken cancellationToken)
    {
        var codes = request.OrganisationCodes;
        await using var command = new NpgsqlCommand($"""
            SELECT o.code, o.name_kk, o.name_ru,
                   (SELECT coalesce(sum(s.done), 0)::int FROM qadam.mass_transfer_schools s JOIN qadam.mass_transfers t ON t.id = s.transfer_id
                    WHERE t.instance_id = @instance AND t.direction = 'distance' AND s.organisation_id = o.id),
                   (SELECT string_agg(c.class_name, ', ' ORDER BY c.grade, c.class_name) FROM (
                        SELECT DISTINCT s.class_name, coalesce(substring(s.class_name from '^[0-9]+')::int, 1000) AS grade
                        FROM qadam.students s WHERE s.organisation_id = o.id {StudentSelectionSql.For(request)}) c),
                   (SELECT string_agg(DISTINCT s.shift::text, ', ') FROM qadam.students s WHERE s.organisation_id = o.id {StudentSelectionSql.For(request)})
            FROM qadam.organisations o WHERE o.code = ANY(@codes)
            """, (NpgsqlConnection)connection, (NpgsqlTransaction?)transaction);
        StudentSelectionSql.AddParameters(command, request);
        command.Parameters.Add(new NpgsqlParameter<string[]>("codes", [.. codes]));
        var schools = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            schools[reader.GetString(0)] = new JsonObject
            {
                ["organisation"] = reader.GetString(0), ["nameKk"] = reader.GetString(1), ["nameRu"] = reader.GetString(2), ["students"] = reader.GetInt32(3),
                ["classList"] = reader.IsDBNull(4) ? null : reader.GetString(4), ["shiftList"] = reader.IsDBNull(5) ? null : reader.GetString(5),
            };
        }

        var unknown = codes.Where(c => !schools.ContainsKey(c)).ToList();
        return unknown.Count == 0 ? schools : throw new InvalidOperationException($"Unknown schools: {string.Join(", ", unknown)}.");
    }
}
