using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Certification path checking for certificates signed with an algorithm <see cref="X509Chain"/> cannot check (GOST):
/// from the signer's certificate through the certificates the signature carries to a configured root, each issuer found
/// by name, its signature checked by an <see cref="ISignatureAlgorithmVerifier"/>, each issuer a CA valid at the signing
/// time (RFC 5280 §6.1, without policies and name constraints, which NCA RK certificates do not use).
/// </summary>
internal static class CertificatePath
{
    private const int MaxDepth = 8;

    /// <summary>Problems of the path; empty when it reaches a trusted root.</summary>
    public static List<string> Check(
        X509Certificate2 certificate, X509Certificate2Collection extraCertificates, SignatureTrust trust,
        DateTimeOffset at, IReadOnlyList<ISignatureAlgorithmVerifier> algorithms)
    {
        var candidates = trust.Roots.Concat(extraCertificates.Cast<X509Certificate2>()).ToList();
        var current = certificate;
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            if (trust.Roots.Contains(current))
            {
                // A configured root is trusted as configured; its self-signature is still checked when it can be.
                return VerifiesWith(current, current, algorithms) is false
                    ? [$"The signature of the root certificate '{current.Subject}' does not verify."]
                    : [];
            }

            var issuers = candidates
                .Where(c => c.SubjectName.RawData.AsSpan().SequenceEqual(current.IssuerName.RawData) && !c.Equals(current))
                .ToList();
            if (issuers.Count == 0)
            {
                return [$"No issuing certificate of '{current.Subject}' ('{current.Issuer}') is among the trusted roots "
                        + "or the certificates the signature carries."];
            }

            var issuer = issuers.FirstOrDefault(i => VerifiesWith(current, i, algorithms) is true);
            if (issuer is null)
            {
                return [$"The signature of '{current.Subject}' does not verify with its issuer's key."];
            }

            if (!IsCertificateAuthority(issuer))
            {
                return [$"The issuing certificate '{issuer.Subject}' is not a certification authority (basic constraints)."];
            }

            if (at.UtcDateTime < issuer.NotBefore.ToUniversalTime() || at.UtcDateTime > issuer.NotAfter.ToUniversalTime())
            {
                return [$"The issuing certificate '{issuer.Subject}' was not valid at the signing time."];
            }

            current = issuer;
        }

        return ["The certification path is longer than " + MaxDepth + " certificates."];
    }

    private static bool? VerifiesWith(
        X509Certificate2 certificate, X509Certificate2 issuer, IReadOnlyList<ISignatureAlgorithmVerifier> algorithms)
    {
        var plugin = algorithms.FirstOrDefault(a => a.CanVerify(certificate.SignatureAlgorithm.Value ?? string.Empty));
        return plugin?.VerifyCertificateSignature(certificate, issuer);
    }

    private static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
}
