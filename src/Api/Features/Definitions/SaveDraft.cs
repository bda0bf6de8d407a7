using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Api.Features.Audit;
using Qadam.Api.Hosting;
using Qadam.Documents.Templates;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>A definition sent as JSON: the content and its kind (<c>bpmn</c>, the default, or <c>conditionTable</c>).</summary>
public sealed record DefinitionContentRequest(string Content, string? Kind = null);

/// <summary>
/// <c>POST /api/definitions/{key}/drafts</c>: stores BPMN or a condition table as the key's draft. The engine refuses
/// invalid content with every problem by element id (rejected at upload, never at run time), which
/// <c>EngineProblems</c> answers as 422 with <c>errors</c>.
/// </summary>
internal static class SaveDraft
{
    public static async Task<Results<Created<DefinitionVersionResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string key, HttpRequest request, ClaimsPrincipal user, CommandTransaction command, DefinitionStore store, EngineReads reads,
        TemplateCatalog templates, CancellationToken cancellationToken)
    {
        if (!DefinitionKeys.Pattern().IsMatch(key))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["key"] = ["A definition key has 1 to 100 letters, digits, dots, dashes or underscores, starting with a letter or digit."],
            });
        }

        var (body, problem) = await ReadAsync(request, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var actor = AuditActor.From(user);
        var (saved, warnings) = await command.RunAsync(actor, async ct =>
        {
            var draft = await store.SaveDraftCheckedAsync(body.Value.Kind, key, body.Value.Content, actor.Name, null, ct);
            if (draft.Definition.Kind == DefinitionKind.Bpmn)
            {
                // A new edition keeps the documents of the one in force before it: without its templates every case filed under
                // it would stop at its first document. Forms are shared by key (workflows/*/forms), so they carry over as they are.
                var previous = await reads.ReleasedBeforeAsync(key, draft.Definition.Version, ct);
                var rendered = BpmnParser.Parse(draft.Definition.Content).Model?.Nodes.Select(n => n.Extension.TemplateKey).OfType<string>()
                    .ToHashSet(StringComparer.Ordinal) ?? [];
                if (previous is { } from && rendered.Count > 0)
                {
                    await templates.CarryOverAsync(key, from.ToString(CultureInfo.InvariantCulture),
                        draft.Definition.Version.ToString(CultureInfo.InvariantCulture), rendered, ct);
                }
            }

            return draft;
        }, d => new AuditEntry("definition.draft-saved", Encoding.UTF8.GetBytes(body.Value.Content),
            ProcessKey: key, ProcessVersion: d.Definition.Version), cancellationToken);
        return TypedResults.Created($"/api/definitions/{key}/versions/{saved.Version}",
            DefinitionResponses.ToResponse(saved) with
            {
                Warnings = [.. warnings.Select(w => DefinitionProblemResponse.From(w, Hosting.ProblemLanguage.Of(request)))],
            });
    }

    /// <summary>
    /// Reads the content from the body: XML as is (<c>application/xml</c>, <c>text/xml</c>, or a <c>.bpmn</c> upload's
    /// <c>application/octet-stream</c>), or JSON <see cref="DefinitionContentRequest"/>. Anything else is 415.
    /// </summary>
    public static async Task<((DefinitionKind Kind, string Content)? Body, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim() ?? string.Empty;
        if (mediaType is "application/xml" or "text/xml" or "application/bpmn+xml" or "application/octet-stream")
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[BpmnParser.MaxCharacters + 1];
            var read = await reader.ReadBlockAsync(buffer, cancellationToken);
            if (read > BpmnParser.MaxCharacters)
            {
                return (null, Problem(StatusCodes.Status413PayloadTooLarge, "content",
                    $"A definition has at most {BpmnParser.MaxCharacters} characters."));
            }

            return ((DefinitionKind.Bpmn, new string(buffer, 0, read)), null);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "content",
                "Send BPMN XML as application/xml, or JSON {\"content\":\"...\",\"kind\":\"bpmn\"|\"conditionTable\"}."));
        }

        DefinitionContentRequest? json;
        try
        {
            json = await request.ReadFromJsonAsync<DefinitionContentRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path.TrimStart('$', '.');
            return (null, Problem(StatusCodes.Status400BadRequest, path.Length == 0 ? "$" : path, "The JSON body is malformed or has unknown members."));
        }

        if (json is null || string.IsNullOrWhiteSpace(json.Content))
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "content", "content is required."));
        }

        DefinitionKind? kind = json.Kind switch
        {
            null or "bpmn" => DefinitionKind.Bpmn,
            "conditionTable" => DefinitionKind.ConditionTable,
            _ => null,
        };
        return kind is null
            ? (null, Problem(StatusCodes.Status400BadRequest, "kind", "kind is \"bpmn\" or \"conditionTable\"."))
            : ((kind.Value, json.Content), null);
    }

    private static ProblemHttpResult Problem(int status, string field, string message) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = status,
            Title = "The definition cannot be read.",
            Detail = message,
            Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } },
        });
}
