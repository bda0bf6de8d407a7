using System.Text.Json.Nodes;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Registry;

/// <summary>What the engine's "render document" activity asks for.</summary>
/// <param name="OrganisationCode">The issuing organisation (first part of the registry number).</param>
/// <param name="TemplateKey">Template key.</param>
/// <param name="Language">Language of the document.</param>
/// <param name="ProcessKey">The case's process definition key.</param>
/// <param name="ProcessVersion">The case's process definition version; picks the template edition.</param>
/// <param name="Data">Case variables; <c>document.number</c> and <c>document.date</c> are added by the registry.</param>
/// <param name="CaseReference">The case or process instance id, to find its documents later.</param>
public sealed record IssueDocumentRequest(
    string OrganisationCode,
    string TemplateKey,
    DocumentLanguage Language,
    string ProcessKey,
    string ProcessVersion,
    JsonObject Data,
    string? CaseReference = null);
