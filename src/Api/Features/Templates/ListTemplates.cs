using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Persistence;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Features.Templates;

/// <summary><c>GET /api/definitions/{key}/versions/{version}/templates</c>: what a case on that version renders with.</summary>
internal static class ListTemplates
{
    public static async Task<Results<Ok<List<TemplateResponse>>, NotFound>> HandleAsync(
        string key, int version, EngineReads reads, DocumentsDbContext documents, CancellationToken cancellationToken)
    {
        if (await reads.BpmnStatusAsync(key, version, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var processVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var editions = await documents.Templates.AsNoTracking()
            .Where(t => t.ProcessKey == key && t.ProcessVersion == processVersion)
            .OrderBy(t => t.Key).ThenBy(t => t.Language).ThenByDescending(t => t.Version)
            .ToListAsync(cancellationToken);
        // The latest edition of each key and language is the one the registry renders with (TemplateCatalog.FindForProcessAsync).
        return TypedResults.Ok(editions.GroupBy(t => (t.Key, t.Language)).Select(g => ToResponse(g.First(), version)).ToList());
    }

    public static TemplateResponse ToResponse(DocumentTemplate template, int version) =>
        new(template.Key, template.Language.ToCode(), template.ProcessKey, version, template.Sha256, template.Content.LongLength,
            new TemplateValidator().Inspect(template.Content, []).Variables, template.UploadedAt);
}
