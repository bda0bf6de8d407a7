using Qadam.Documents.Registry;

namespace Qadam.Documents.Signatures;

/// <summary>A document issued and signed by a <see cref="SignedDocumentBatch"/>.</summary>
/// <param name="Document">The registered document.</param>
/// <param name="Signature">The server's signature on it (CMS and signed package).</param>
public sealed record SignedDocument(RegisteredDocument Document, DocumentSignature Signature);
