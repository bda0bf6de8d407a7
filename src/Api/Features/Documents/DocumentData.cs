using System.Text.Json.Nodes;
using Qadam.Documents.Citations;
using Qadam.Documents.Rendering;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// What a document is filled with: the case variables, plus what the rendering step adds so that every document cites
/// its legal basis and names its organisation: <c>legalBasis</c> {act, edition, paragraph} is the step's own
/// qadam:legalBasis (the BPMN is the one place the legal department keeps citations, so a new edition of an order
/// changes the documents' citation without a new template), with <c>legalBasis.text</c> the citation in the document's
/// language and <c>legalBasis.kk</c> / <c>legalBasis.ru</c> both (workflows/citations.json; the BPMN's own Russian
/// text when the table does not know it), <c>step</c> {id, labelKk, labelRu}, and
/// <c>organisationName</c> in the document's language. Added to the copy rendered only, never to the case.
/// </summary>
internal static class DocumentData
{
    /// <summary>The paths these additions make known to template uploads.</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "legalBasis", "legalBasis.act", "legalBasis.edition", "legalBasis.paragraph", "legalBasis.text", "legalBasis.kk", "legalBasis.ru",
        "step", "step.id", "step.labelKk", "step.labelRu", "organisationName",
    ];

    public static JsonObject ForStep(
        JsonObject variables, string elementId, QadamAttributes extension, (string Kk, string Ru)? organisationName, DocumentLanguage language,
        CitationTable citations)
    {
        var data = (JsonObject)variables.DeepClone();
        var basis = extension.LegalBasis;
        var cited = basis is null ? null : citations.Resolve(basis.Act, basis.Paragraph);
        var raw = LegalCitation.Reference(basis);
        data["legalBasis"] = new JsonObject
        {
            ["act"] = basis?.Act, ["edition"] = basis?.Edition, ["paragraph"] = basis?.Paragraph,
            ["text"] = cited?.In(language) ?? raw, ["kk"] = cited?.Kk ?? raw, ["ru"] = cited?.Ru ?? raw,
        };
        data["step"] = new JsonObject { ["id"] = elementId, ["labelKk"] = extension.LabelKk, ["labelRu"] = extension.LabelRu };
        data["organisationName"] = organisationName is { } name ? (language == DocumentLanguage.Kk ? name.Kk : name.Ru) : null;
        return data;
    }
}
