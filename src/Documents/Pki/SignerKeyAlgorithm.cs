namespace Qadam.Documents.Pki;

/// <summary>Key algorithms the demo PKI issues. GOST is not among them: .NET cannot make GOST keys (see <see cref="Signatures.ISignatureAlgorithmVerifier"/>).</summary>
public enum SignerKeyAlgorithm
{
    /// <summary>RSA 2048 with SHA-256, as NCA RK's RSA certificates.</summary>
    Rsa,

    /// <summary>ECDSA on NIST P-256 with SHA-256.</summary>
    Ecdsa,
}
