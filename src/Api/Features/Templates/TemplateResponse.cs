namespace Qadam.Api.Features.Templates;

/// <summary>One template edition of a process version, as the legal department's screens show it.</summary>
/// <param name="TemplateKey">The key the BPMN names (qadam:templateKey).</param>
/// <param name="Language"><c>kk</c> or <c>ru</c>.</param>
/// <param name="DefinitionKey">The process key.</param>
/// <param name="DefinitionVersion">The process version the template is bound to.</param>
/// <param name="Sha256">SHA-256 of the DOCX, lower-case hex.</param>
/// <param name="SizeBytes">Size of the DOCX.</param>
/// <param name="Variables">Every variable path the template names, sorted.</param>
/// <param name="UploadedAt">When this edition was stored.</param>
public sealed record TemplateResponse(
    string TemplateKey, string Language, string DefinitionKey, int DefinitionVersion, string Sha256, long SizeBytes,
    IReadOnlyList<string> Variables, DateTimeOffset UploadedAt);
