namespace Qadam.Documents.Signatures;

/// <summary>The outcome of handing in a signature: the stored signature, or why it was refused.</summary>
/// <param name="Signature">The stored signature; null when refused.</param>
/// <param name="Reports">Verification of each signer in the CMS.</param>
/// <param name="Problems">Why it was refused; empty when accepted.</param>
public sealed record SignatureAcceptance(DocumentSignature? Signature, IReadOnlyList<SignatureReport> Reports, IReadOnlyList<string> Problems)
{
    /// <summary>True when the signature was verified and stored.</summary>
    public bool Accepted => Signature is not null;
}
