using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures.Gost;

/// <summary>
/// Verifies GOST signatures as NCALayer makes them (detached CMS, RFC 5652) and GOST signatures on certificates:
/// GOST 34.310-2004 with GOST 34.311-95, GOST R 34.10-2015 256 and 512 with Streebog, under the Kazakh OIDs or the
/// TC26 ones, with BouncyCastle.
/// </summary>
/// <remarks>
/// Conventions (RFC 4491 §2.2.2, §2.3.2; RFC 9215): the public key is x ‖ y, each little-endian; the digest is read as a
/// little-endian integer; the signature is s ‖ r, each big-endian, as BouncyCastle writes it. Published checks of NCA RK's
/// own certificates disagree on whether NCA RK writes that layout or its byte reversal (r ‖ s, each little-endian), so
/// both are tried: each decodes to one (r, s) pair, and neither verifies without the private key.
/// </remarks>
public sealed class GostSignatureVerifier : ISignatureAlgorithmVerifier
{
    /// <inheritdoc />
    public bool CanVerify(string signatureAlgorithmOid) => GostAlgorithms.IsGost(signatureAlgorithmOid);

    /// <inheritdoc />
    public bool VerifySignature(SignerInfo signer, X509Certificate2 certificate, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(certificate);
        var digestOid = signer.DigestAlgorithm.Value ?? string.Empty;
        var contentDigest = Digest(digestOid, content);
        if (contentDigest is null)
        {
            return false;
        }

        byte[] signed;
        if (signer.SignedAttributes.Count == 0)
        {
            signed = content.ToArray();
        }
        else
        {
            var messageDigest = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
                .SelectMany(a => a.Values.Cast<AsnEncodedData>())
                .OfType<Pkcs9MessageDigest>()
                .Select(d => d.MessageDigest)
                .ToList();
            if (messageDigest.Count != 1 || !CryptographicOperations.FixedTimeEquals(messageDigest[0], contentDigest))
            {
                return false;
            }

            signed = EncodeSignedAttributes(signer);
        }

        return Verify(certificate.RawData, digestOid, signed, signer.GetSignature());
    }

    /// <inheritdoc />
    public bool VerifyCertificateSignature(X509Certificate2 certificate, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuer);
        var structure = X509CertificateStructure.GetInstance(certificate.RawData);
        var digestOid = GostAlgorithms.DigestOfSignature(structure.SignatureAlgorithm.Algorithm.Id);
        return digestOid is not null
               && Verify(issuer.RawData, digestOid, structure.TbsCertificate.GetDerEncoded(), structure.Signature.GetOctets());
    }

    private static byte[]? Digest(string digestOid, ReadOnlySpan<byte> data)
    {
        var digest = GostAlgorithms.CreateDigest(digestOid);
        if (digest is null)
        {
            return null;
        }

        var bytes = data.ToArray();
        digest.BlockUpdate(bytes, 0, bytes.Length);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return result;
    }

    // RFC 5652 §5.4: the signature covers the DER encoding of the SignedAttrs, as a SET OF (tag 0x31), not as the
    // [0] IMPLICIT field it is carried in; DER orders the set's members, as BouncyCastle does when it checks a CMS.
    private static byte[] EncodeSignedAttributes(SignerInfo signer)
    {
        var attributes = new Asn1EncodableVector();
        foreach (var attribute in signer.SignedAttributes)
        {
            var values = new Asn1EncodableVector();
            foreach (var value in attribute.Values)
            {
                values.Add(Asn1Object.FromByteArray(value.RawData));
            }

            attributes.Add(new Org.BouncyCastle.Asn1.Cms.Attribute(
                new DerObjectIdentifier(attribute.Oid.Value!), new DerSet(values)));
        }

        return new DerSet(attributes).GetEncoded(Asn1Encodable.Der);
    }

    private static bool Verify(byte[] signerCertificate, string digestOid, byte[] signed, byte[] signature)
    {
        var key = PublicKey(signerCertificate);
        var hash = Digest(digestOid, signed);
        if (key is null || hash is null || signature.Length % 2 != 0)
        {
            return false;
        }

        var half = signature.Length / 2;
        var gost = new ECGost3410Signer();
        gost.Init(false, key);
        // s ‖ r big-endian (RFC 4491), then its byte reversal r ‖ s little-endian.
        if (gost.VerifySignature(hash, new BigInteger(1, signature, half, half), new BigInteger(1, signature, 0, half)))
        {
            return true;
        }

        var reversed = signature.Reverse().ToArray();
        return gost.VerifySignature(hash, new BigInteger(1, reversed, half, half), new BigInteger(1, reversed, 0, half));
    }

    private static ECPublicKeyParameters? PublicKey(byte[] certificate)
    {
        try
        {
            var info = X509CertificateStructure.GetInstance(certificate).SubjectPublicKeyInfo;
            if (!GostAlgorithms.IsGost(info.Algorithm.Algorithm.Id)
                || info.Algorithm.Parameters is not Asn1Sequence { Count: > 0 } parameters
                || parameters[0] is not DerObjectIdentifier curveOid
                || GostAlgorithms.Curve(curveOid.Id) is not { } curve)
            {
                return null;
            }

            var raw = Asn1OctetString.GetInstance(Asn1Object.FromByteArray(info.PublicKey.GetOctets())).GetOctets();
            var half = raw.Length / 2;
            var x = new BigInteger(1, raw.Take(half).Reverse().ToArray());
            var y = new BigInteger(1, raw.Skip(half).Reverse().ToArray());
            var point = curve.Curve.ValidatePoint(x, y);
            return new ECPublicKeyParameters(point, new ECDomainParameters(curve));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException or FormatException)
        {
            return null;
        }
    }
}
