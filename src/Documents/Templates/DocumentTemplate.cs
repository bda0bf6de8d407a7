using System.Security.Cryptography;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Templates;

/// <summary>
/// One edition of a DOCX template, bound to the process version that uses it (a new
/// edition of an order can change a template without touching older cases' documents).
/// The bytes are never changed after upload; a change is a new <see cref="Version"/>.
/// </summary>
public sealed class DocumentTemplate
{
    private DocumentTemplate()
    {
        Key = ProcessKey = ProcessVersion = DocumentType = Sha256 = string.Empty;
        Content = [];
    }

    internal DocumentTemplate(
        string key, int version, DocumentLanguage language, string documentType,
        string processKey, string processVersion, byte[] content, DateTimeOffset uploadedAt)
    {
        Id = Guid.CreateVersion7(uploadedAt);
        Key = key;
        Version = version;
        Language = language;
        DocumentType = documentType;
        ProcessKey = processKey;
        ProcessVersion = processVersion;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        UploadedAt = uploadedAt;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The template's stable name, e.g. <c>transfer-order</c>.</summary>
    public string Key { get; private set; }

    /// <summary>Edition number, 1, 2, ... per key and language.</summary>
    public int Version { get; private set; }

    /// <summary>The language the template is written in.</summary>
    public DocumentLanguage Language { get; private set; }

    /// <summary>The kind of document it produces, the middle of the registry number (e.g. <c>ORDER</c>).</summary>
    public string DocumentType { get; private set; }

    /// <summary>Key of the process definition that uses this edition (the engine's key; plain text here).</summary>
    public string ProcessKey { get; private set; }

    /// <summary>Version of that process definition, as the engine names it.</summary>
    public string ProcessVersion { get; private set; }

    /// <summary>The DOCX bytes as uploaded.</summary>
    public byte[] Content { get; private set; }

    /// <summary>SHA-256 of <see cref="Content"/>, lower-case hex.</summary>
    public string Sha256 { get; private set; }

    /// <summary>When the edition was uploaded.</summary>
    public DateTimeOffset UploadedAt { get; private set; }
}
