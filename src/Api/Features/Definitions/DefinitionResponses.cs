using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Versions;

namespace Qadam.Api.Features.Definitions;

/// <summary>
/// A citation of a legal act as the API shows and takes it: the BPMN's own attributes, and where the citation table
/// (workflows/citations.json) knows them the act's official name with the paragraph in Kazakh (<paramref name="Kk"/>) and
/// in Russian (<paramref name="Ru"/>), for screens in either language.
/// </summary>
public sealed record LegalBasisResponse(string Act, string? Edition, string? Paragraph, string? Kk = null, string? Ru = null);

/// <summary>One version of a definition key, without its content.</summary>
public sealed record DefinitionVersionResponse(
    string Key, int Version, string Kind, string Status, string? Name, DateOnly? EffectiveFrom, LegalBasisResponse? LegalBasis,
    string ContentSha256, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy)
{
    /// <summary>On a saved draft: what must still be fixed before it can be published (severity "warning"); else null.</summary>
    public IReadOnlyList<DefinitionProblemResponse>? Warnings { get; init; }
}

/// <summary>How the API shows a definition version and a legal basis (in kk and ru where the citation table knows it).</summary>
internal static class DefinitionResponses
{
    /// <summary>A legal basis with its kk and ru citation when <paramref name="citations"/> knows it; null for none.</summary>
    public static LegalBasisResponse? ToResponse(LegalBasis? basis, Documents.Citations? citations = null) =>
        basis is null ? null : citations?.Of(basis) is { } cited
            ? new LegalBasisResponse(basis.Act, basis.Edition, basis.Paragraph, cited.Kk, cited.Ru)
            : new LegalBasisResponse(basis.Act, basis.Edition, basis.Paragraph);

    /// <summary>The kind as the API names it.</summary>
    public static string KindName(DefinitionKind kind) => kind == DefinitionKind.Bpmn ? "bpmn" : "conditionTable";

    /// <summary>The status as the API names it (draft, published, retired).</summary>
    public static string StatusName(DefinitionStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The version without kk and ru citations.</summary>
    public static DefinitionVersionResponse ToResponse(ProcessDefinition d) => ToResponse(d, null);

    /// <summary>The version with its legal basis in kk and ru when <paramref name="citations"/> knows it.</summary>
    public static DefinitionVersionResponse ToResponse(ProcessDefinition d, Documents.Citations? citations) =>
        new(d.Key, d.Version, KindName(d.Kind), StatusName(d.Status), d.Name, d.EffectiveFrom, ToResponse(d.LegalBasis, citations),
            d.ContentSha256, d.CreatedAt, d.CreatedBy, d.PublishedAt, d.PublishedBy);
}
