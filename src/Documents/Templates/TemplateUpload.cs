using Qadam.Documents.Rendering;

namespace Qadam.Documents.Templates;

/// <summary>A template edition handed in for storage.</summary>
/// <param name="Key">Template key, e.g. <c>transfer-order</c>.</param>
/// <param name="Language">Language the template is written in.</param>
/// <param name="DocumentType">Document type for the registry number, e.g. <c>ORDER</c>.</param>
/// <param name="ProcessKey">Key of the process definition that uses it.</param>
/// <param name="ProcessVersion">Version of that process definition.</param>
/// <param name="Content">The DOCX bytes.</param>
/// <param name="KnownVariables">
/// Variable paths the process and its forms provide (lists by their path, item fields as
/// <c>list.field</c>); tags outside this set are refused.
/// </param>
public sealed record TemplateUpload(
    string Key,
    DocumentLanguage Language,
    string DocumentType,
    string ProcessKey,
    string ProcessVersion,
    byte[] Content,
    IReadOnlyCollection<string> KnownVariables);

/// <summary>The outcome of an upload: the stored edition, or the problems and nothing stored.</summary>
/// <param name="Template">The stored edition; null when refused.</param>
/// <param name="Problems">Why it was refused; empty when stored.</param>
public sealed record TemplateUploadResult(DocumentTemplate? Template, IReadOnlyList<TemplateProblem> Problems)
{
    /// <summary>True when the template was stored.</summary>
    public bool Succeeded => Template is not null;
}
