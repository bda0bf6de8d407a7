using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Cases;
using Qadam.Api.Features.Students;
using Qadam.Api.Features.Tasks;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Universities;

/// <summary>A pathway a university student may file themselves, the version in force today and its application form.</summary>
public sealed record StudentPathway(string Key, int Version, string? FormKey, JsonObject? Form);

/// <summary>
/// <c>GET /api/students/me/pathways</c>: what a student's own filing screen offers. A student reads no definitions or
/// forms (the legal department's), so the application form of the version in force comes with the pathway. Order 97
/// para 9, 11 (order 374 para 8): the student's free-form application with the VKK conclusion or the authorised body's
/// letter; the application form is the one with a field for the required evidence (<c>"properties": { "evidence": "required" }</c>).
/// </summary>
internal static class StudentPathways
{
    /// <summary>
    /// The pathways a student starts: the transfer on a VKK conclusion or a competition (para 9, 11) and admission to
    /// online learning (para 29). university-emergency starts on the regional order (para 2), never on a student's filing.
    /// </summary>
    public static readonly string[] Keys = ["university-distance", "university-online"];

    public static async Task<Ok<List<StudentPathway>>> HandleAsync(
        WorkflowsDbContext workflows, FormCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = KazakhstanClock.Today(time);
        var published = await workflows.Definitions.AsNoTracking()
            .Where(d => Keys.Contains(d.Key) && d.Kind == DefinitionKind.Bpmn && d.Status == DefinitionStatus.Published && d.EffectiveFrom <= today)
            .ToListAsync(cancellationToken);
        var answer = new List<StudentPathway>();
        foreach (var key in Keys)
        {
            var definition = published.Where(d => d.Key == key).OrderByDescending(d => d.EffectiveFrom).ThenByDescending(d => d.Version).FirstOrDefault();
            if (definition is null)
            {
                continue;
            }

            string? formKey = null;
            JsonObject? form = null;
            foreach (var candidate in CasesApi.Model(definition)?.Nodes.OfType<UserTask>().Select(t => t.Extension.FormKey).OfType<string>() ?? [])
            {
                if (await catalog.FindAsync(candidate, cancellationToken) is { } found && found.RequiredEvidence.Any())
                {
                    (formKey, form) = (candidate, found.Source.DeepClone().AsObject());
                    break;
                }
            }

            answer.Add(new StudentPathway(key, definition.Version, formKey, form));
        }

        return TypedResults.Ok(answer);
    }
}
