using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Features.Students;
using Qadam.Api.Features.Tasks;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Reads;
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
        VersionsInForce versions, EngineReads reads, FormCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = KazakhstanClock.Today(time);
        var answer = new List<StudentPathway>();
        foreach (var key in Keys)
        {
            if (await versions.FindAsync(key, today, cancellationToken) is not { Kind: DefinitionKind.Bpmn } inForce)
            {
                continue;
            }

            string? formKey = null;
            JsonObject? form = null;
            var model = await reads.ModelAsync(inForce.Id, cancellationToken);
            foreach (var candidate in model?.Nodes.OfType<UserTask>().Select(t => t.Extension.FormKey).OfType<string>() ?? [])
            {
                if (await catalog.FindAsync(candidate, cancellationToken) is { } found && found.RequiredEvidence.Any())
                {
                    (formKey, form) = (candidate, found.Source.DeepClone().AsObject());
                    break;
                }
            }

            answer.Add(new StudentPathway(key, inForce.Version, formKey, form));
        }

        return TypedResults.Ok(answer);
    }
}
