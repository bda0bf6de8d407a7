namespace Qadam.Documents.Templates;

/// <summary>What <see cref="TemplateValidator.Inspect"/> found in a template.</summary>
/// <param name="Variables">Every variable path the template names, sorted (list item fields as <c>list.field</c>).</param>
/// <param name="Problems">Why it may not be stored; empty when it may.</param>
public sealed record TemplateInspection(IReadOnlyList<string> Variables, IReadOnlyList<TemplateProblem> Problems);
