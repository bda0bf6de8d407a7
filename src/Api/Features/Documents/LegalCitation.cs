using Qadam.Documents.Citations;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// How a <c>qadam:legalBasis</c> is written out, in one place: the one line the audit trail keeps (act, edition,
/// paragraph), the reference a notice or a document shows (act and paragraph), and the Kazakh and Russian reading from the
/// citation table (workflows/citations.json). A part the basis leaves empty is left out, never written as ", , ".
/// </summary>
public static class LegalCitation
{
    /// <summary>The audit trail's form: "act, edition, paragraph", without the empty parts.</summary>
    public static string? Line(LegalBasis? basis) => basis is null ? null : Join(basis.Act, basis.Edition, basis.Paragraph);

    /// <summary>The act and paragraph as the BPMN wrote them, the reader's form when the citation table does not know the act.</summary>
    public static string? Reference(LegalBasis? basis) => basis is null ? null : Join(basis.Act, basis.Paragraph);

    /// <summary>The basis in Kazakh and Russian: the table's official wording, else the reference as written in both.</summary>
    public static Citation? Of(LegalBasis? basis, CitationTable table) =>
        basis is null ? null : table.Resolve(basis.Act, basis.Paragraph) ?? new Citation(Reference(basis)!, Reference(basis)!);

    private static string Join(params string?[] parts) =>
        string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
