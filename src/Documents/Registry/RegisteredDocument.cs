using System.Security.Cryptography;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Registry;

/// <summary>
/// A document as issued: its registry number, the exact bytes (stored once and never
/// overwritten; the database refuses UPDATE and DELETE), their SHA-256, and where it came from
/// (template and process versions), so any document can be traced to the order it was issued under.
/// </summary>
public sealed class RegisteredDocument
{
    private RegisteredDocument()
    {
        RegistryNumber = OrganisationCode = DocumentType = Sha256 = TemplateKey = ProcessKey = ProcessVersion = string.Empty;
        Content = [];
    }

    internal RegisteredDocument(
        Guid id, RegistryNumber number, byte[] content, string templateKey, int templateVersion,
        string processKey, string processVersion, DocumentLanguage language, string? caseReference, DateTimeOffset createdAt)
    {
        Id = id;
        RegistryNumber = number.Text;
        OrganisationCode = number.OrganisationCode;
        DocumentType = number.DocumentType;
        Year = number.Year;
        Sequence = number.Sequence;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        TemplateKey = templateKey;
        TemplateVersion = templateVersion;
        ProcessKey = processKey;
        ProcessVersion = processVersion;
        Language = language;
        CaseReference = caseReference;
        CreatedAt = createdAt;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The registry number as printed on the document.</summary>
    public string RegistryNumber { get; private set; }

    /// <summary>The issuing organisation's code (school, college, district office).</summary>
    public string OrganisationCode { get; private set; }

    /// <summary>Kind of document (<c>ORDER</c>, <c>PROTOCOL</c>, ...).</summary>
    public string DocumentType { get; private set; }

    /// <summary>Registry year (the year of issue in Kazakhstan time).</summary>
    public int Year { get; private set; }

    /// <summary>Position in the organisation's register for this type and year: 1, 2, 3 ... without gaps.</summary>
    public int Sequence { get; private set; }

    /// <summary>The DOCX bytes as issued; what signatures are made over.</summary>
    public byte[] Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Template key it was rendered from.</summary>
    public string TemplateKey { get; private set; }

    /// <summary>Template edition it was rendered from.</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>Process definition key of the case.</summary>
    public string ProcessKey { get; private set; }

    /// <summary>Process definition version of the case.</summary>
    public string ProcessVersion { get; private set; }

    /// <summary>Language of the document.</summary>
    public DocumentLanguage Language { get; private set; }

    /// <summary>The case (or process instance) it belongs to, as the caller names it; optional.</summary>
    public string? CaseReference { get; private set; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
