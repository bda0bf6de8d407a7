using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Workflows.Reads;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>One version with its content.</summary>
public sealed record DefinitionContentResponse(DefinitionVersionResponse Version, string Content);

/// <summary><c>GET /api/definitions/{key}/versions/{version}</c>.</summary>
internal static class GetDefinitionVersion
{
    public static async Task<Results<Ok<DefinitionContentResponse>, ContentHttpResult, NotFound>> HandleAsync(
        string key, int version, HttpRequest request, EngineReads reads, Documents.Citations citations,
        CancellationToken cancellationToken)
    {
        var found = await reads.VersionAsync(key, version, cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        // The modeler opens the file itself: Accept: application/xml answers with the BPMN as it was uploaded.
        var wantsXml = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Value is "application/xml" or "text/xml");
        return wantsXml && found.Kind == DefinitionKind.Bpmn
            ? TypedResults.Text(found.Content, "application/xml", System.Text.Encoding.UTF8)
            : TypedResults.Ok(new DefinitionContentResponse(DefinitionResponses.ToResponse(found, citations), found.Content));
    }
}
