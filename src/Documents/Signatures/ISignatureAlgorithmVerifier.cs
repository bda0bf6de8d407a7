using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Extension point for signature algorithms .NET does not verify, above all the Kazakh GOST
/// algorithms NCA RK issues keys for (GOST 34.310-2004, GOST R 34.10-2015 256/512 with GOST or
/// Streebog hashes). .NET's <see cref="SignedCms"/> verifies RSA and ECDSA only.
/// </summary>
/// <remarks>
/// <para>
/// An implementation is registered with <see cref="SignatureVerifier"/>; for a signer whose
/// signature algorithm OID it claims, it replaces <see cref="SignerInfo.CheckSignature(bool)"/>.
/// It must recompute the message digest of <c>content</c> with the signer's digest algorithm,
/// compare it with the <c>messageDigest</c> signed attribute, and verify the signature over the
/// DER of the signed attributes with the certificate's public key.
/// </para>
/// <para>
/// <see cref="X509Chain"/> cannot check GOST signatures on certificates, so for a certificate whose
/// signature algorithm an implementation claims, the certification path is built and each link
/// checked with <see cref="VerifyCertificateSignature"/> (<see cref="Gost.GostSignatureVerifier"/>
/// is the implementation that ships, tested with keys and certificates BouncyCastle makes).
/// </para>
/// </remarks>
public interface ISignatureAlgorithmVerifier
{
    /// <summary>True when this verifier handles the signature algorithm with OID <paramref name="signatureAlgorithmOid"/>.</summary>
    bool CanVerify(string signatureAlgorithmOid);

    /// <summary>True when <paramref name="signer"/>'s signature, made with <paramref name="certificate"/>'s key, covers exactly <paramref name="content"/>.</summary>
    bool VerifySignature(SignerInfo signer, X509Certificate2 certificate, ReadOnlySpan<byte> content);

    /// <summary>True when <paramref name="certificate"/> carries a valid signature made with <paramref name="issuer"/>'s key.</summary>
    bool VerifyCertificateSignature(X509Certificate2 certificate, X509Certificate2 issuer);
}
