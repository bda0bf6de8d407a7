using Microsoft.AspNetCore.Http.HttpResults;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Definitions;

/// <summary>A definition key and its versions, newest first.</summary>
public sealed record DefinitionKeyResponse(string Key, string Kind, IReadOnlyList<DefinitionVersionResponse> Versions);

/// <summary><c>GET /api/definitions</c>: every key with its versions (content left out; see <see cref="GetDefinitionVersion"/>).</summary>
internal static class ListDefinitions
{
    public static async Task<Ok<List<DefinitionKeyResponse>>> HandleAsync(
        EngineReads reads, Documents.Citations citations, CancellationToken cancellationToken)
    {
        var versions = await reads.VersionsAsync(cancellationToken);
        return TypedResults.Ok(versions.GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => new DefinitionKeyResponse(g.Key, DefinitionResponses.KindName(g.First().Kind), [.. g.Select(d => DefinitionResponses.ToResponse(d, citations))]))
            .ToList());
    }
}
