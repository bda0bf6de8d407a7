using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Features.Definitions;

/// <summary>A definition key and its versions, newest first.</summary>
public sealed record DefinitionKeyResponse(string Key, string Kind, IReadOnlyList<DefinitionVersionResponse> Versions);

/// <summary><c>GET /api/definitions</c>: every key with its versions (content left out; see <see cref="GetDefinitionVersion"/>).</summary>
internal static class ListDefinitions
{
    public static async Task<Ok<List<DefinitionKeyResponse>>> HandleAsync(
        WorkflowsDbContext workflows, Documents.Citations citations, CancellationToken cancellationToken)
    {
        var versions = await workflows.Definitions.AsNoTracking()
            .OrderBy(d => d.Key).ThenByDescending(d => d.Version)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => new DefinitionKeyResponse(g.Key, DefinitionsApi.KindName(g.First().Kind), [.. g.Select(d => DefinitionsApi.ToResponse(d, citations))]))
            .ToList());
    }
}
