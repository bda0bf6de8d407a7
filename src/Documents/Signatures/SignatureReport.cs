namespace Qadam.Documents.Signatures;

/// <summary>
/// What verification found for one signature: signer subject and IIN/BIN
/// when present in the certificate, certificate chain up to a configured trust root, validity at
/// signing time, key usage, signing time (RFC 5652 signed attributes, RFC 5280 path validation).
/// </summary>
/// <param name="SignerSubject">Subject of the signer's certificate (empty when the CMS carries none).</param>
/// <param name="Iin">IIN from the subject, when present.</param>
/// <param name="Bin">BIN from the subject, when present.</param>
/// <param name="CertificateThumbprint">SHA-1 thumbprint of the signer's certificate.</param>
/// <param name="SigningTime">The signing time the signature claims.</param>
/// <param name="SignatureValid">The signature matches these exact bytes.</param>
/// <param name="ChainTrusted">The certificate chains to a configured trust root.</param>
/// <param name="ValidAtSigningTime">The certificate was within its validity period at the signing time.</param>
/// <param name="KeyUsageAllowed">The certificate's key usage allows signing documents (digital signature or non-repudiation).</param>
/// <param name="Problems">Every failed check in words; empty when the signature is valid.</param>
public sealed record SignatureReport(
    string SignerSubject,
    string? Iin,
    string? Bin,
    string CertificateThumbprint,
    DateTimeOffset? SigningTime,
    bool SignatureValid,
    bool ChainTrusted,
    bool ValidAtSigningTime,
    bool KeyUsageAllowed,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when every check passed.</summary>
    public bool IsValid => Problems.Count == 0;
}
