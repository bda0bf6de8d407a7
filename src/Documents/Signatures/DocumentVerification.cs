namespace Qadam.Documents.Signatures;

/// <summary>Verification of a registered document and all its signatures (CMS and in-package).</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="RegistryNumber">Its registry number.</param>
/// <param name="ContentIntact">The stored bytes still have the SHA-256 recorded at issue.</param>
/// <param name="CmsSignatures">One report per detached CMS signature.</param>
/// <param name="PackageSignatures">One report per Office signature in the latest signed package.</param>
/// <param name="Problems">Problems with the document itself (not with one signature).</param>
public sealed record DocumentVerification(
    Guid DocumentId,
    string RegistryNumber,
    bool ContentIntact,
    IReadOnlyList<SignatureReport> CmsSignatures,
    IReadOnlyList<SignatureReport> PackageSignatures,
    IReadOnlyList<string> Problems)
{
    /// <summary>True when the document is intact, signed at least once, and every signature of both kinds verifies.</summary>
    public bool IsValid => ContentIntact && Problems.Count == 0 && CmsSignatures.Count > 0
                           && CmsSignatures.All(s => s.IsValid) && PackageSignatures.All(s => s.IsValid);
}
