using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Makes a detached CMS (PKCS#7 SignedData without the content) over document bytes, the same
/// shape NCALayer produces with <c>format: "cms"</c>, <c>encapsulate: false</c>: SHA-256, a
/// signing-time attribute, and the signer's certificate included.
/// </summary>
public static class DetachedCmsSigner
{
    /// <summary>Signs <paramref name="content"/> with <paramref name="certificate"/> (which must hold its private key, RSA or ECDSA).</summary>
    public static byte[] Sign(ReadOnlySpan<byte> content, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException($"The certificate '{certificate.Subject}' has no private key to sign with.", nameof(certificate));
        }

        return Sign(content, certificate, privateKey: null, signingTime);
    }

    /// <summary>
    /// As <see cref="Sign(ReadOnlySpan{byte}, X509Certificate2, DateTimeOffset)"/> with the private key already taken out of
    /// the certificate (null: take it from the certificate), so a batch takes it once per worker.
    /// </summary>
    internal static byte[] Sign(ReadOnlySpan<byte> content, X509Certificate2 certificate, AsymmetricAlgorithm? privateKey, DateTimeOffset signingTime)
    {
        var cms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate, privateKey)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            // The root is configured on the verifying side; a chain built here would need the
            // machine's store to trust the demo root.
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }
}
