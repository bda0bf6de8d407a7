using System.Security.Cryptography;

namespace Qadam.Documents.Signatures;

/// <summary>
/// One accepted signature on a registered document: a detached CMS over the stored bytes
/// with what was read from the signer's certificate at acceptance.
/// Never changed once stored; a document has as many rows as signers (head, council secretary).
/// </summary>
public sealed class DocumentSignature
{
    private DocumentSignature()
    {
        SignerSubject = CertificateThumbprint = string.Empty;
        Cms = [];
    }

    internal DocumentSignature(
        Guid documentId, SignatureReport report, byte[] cms, SignatureOrigin origin, byte[]? signedPackage, DateTimeOffset acceptedAt)
    {
        Id = Guid.CreateVersion7(acceptedAt);
        DocumentId = documentId;
        SignerSubject = report.SignerSubject;
        SignerIin = report.Iin;
        SignerBin = report.Bin;
        CertificateThumbprint = report.CertificateThumbprint;
        SigningTime = report.SigningTime ?? acceptedAt;
        Cms = cms;
        Origin = origin;
        SignedPackage = signedPackage;
        SignedPackageSha256 = signedPackage is null ? null : Convert.ToHexStringLower(SHA256.HashData(signedPackage));
        AcceptedAt = acceptedAt;
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>
    /// Storage order of signatures, assigned by the database (identity column). Server signatures
    /// are stored one at a time per document, so the highest one carries the latest signed package.
    /// </summary>
    public long Position { get; private set; }

    /// <summary>The registered document signed.</summary>
    public Guid DocumentId { get; private set; }

    /// <summary>Subject of the signer's certificate.</summary>
    public string SignerSubject { get; private set; }

    /// <summary>IIN from <c>SERIALNUMBER=IIN...</c>, when present.</summary>
    public string? SignerIin { get; private set; }

    /// <summary>BIN from <c>OU=BIN...</c>, when present.</summary>
    public string? SignerBin { get; private set; }

    /// <summary>SHA-1 thumbprint of the signer's certificate (as shown by certificate viewers).</summary>
    public string CertificateThumbprint { get; private set; }

    /// <summary>The signing time claimed in the CMS.</summary>
    public DateTimeOffset SigningTime { get; private set; }

    /// <summary>The detached CMS (DER).</summary>
    public byte[] Cms { get; private set; }

    /// <summary>Whether the server or the signer's own machine made it.</summary>
    public SignatureOrigin Origin { get; private set; }

    /// <summary>
    /// For server signatures, the package with this and the earlier Office signatures embedded
    /// (XML-DSig parts); the registered bytes themselves stay as issued.
    /// </summary>
    public byte[]? SignedPackage { get; private set; }

    /// <summary>SHA-256 of <see cref="SignedPackage"/>, lower-case hex, to recognise a signed file someone presents.</summary>
    public string? SignedPackageSha256 { get; private set; }

    /// <summary>When the server accepted it.</summary>
    public DateTimeOffset AcceptedAt { get; private set; }
}

/// <summary>Who produced a signature.</summary>
public enum SignatureOrigin
{
    /// <summary>Made by the server with a key it holds for a user or organisation (demo).</summary>
    Server,

    /// <summary>Made on the signer's machine (NCALayer style) and sent as base64 CMS.</summary>
    Client,
}
