using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Utilities.Collections;
using BcAttribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>Detached CMS signatures made with BouncyCastle, as NCALayer makes them (<c>format: "cms"</c>, <c>encapsulate: false</c>).</summary>
public static class GostCms
{
    /// <summary>With BouncyCastle's CMS generator, under the TC26 algorithm names it knows.</summary>
    public static byte[] Generate(GostCredential signer, byte[] content, params BcCertificate[] extra)
    {
        var algorithm = signer.Profile == GostProfile.Tc26_256
            ? "GOST3411-2012-256WITHECGOST3410-2012-256"
            : "GOST3411-2012-512WITHECGOST3410-2012-512";
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .Build(new Asn1SignatureFactory(algorithm, signer.PrivateKey), signer.Certificate));
        generator.AddCertificates(CollectionUtilities.CreateStore(new[] { signer.Certificate }.Concat(extra)));
        return generator.Generate(new CmsProcessableByteArray(content), encapsulate: false).GetEncoded();
    }

    /// <summary>
    /// Assembled from BouncyCastle's CMS structures under the Kazakh OIDs, which its generator does not know: the signed
    /// attributes NCALayer writes (content type, signing time, message digest), signed with the profile's GOST signer;
    /// <paramref name="reverseSignature"/> writes the signature value byte-reversed (r ‖ s, each little-endian).
    /// </summary>
    public static byte[] Assemble(
        GostCredential signer, byte[] content, DateTime? signingTime = null, bool reverseSignature = false, params BcCertificate[] extra)
    {
        var digest = signer.Profile.NewDigest();
        digest.BlockUpdate(content, 0, content.Length);
        var contentDigest = new byte[digest.GetDigestSize()];
        digest.DoFinal(contentDigest, 0);

        var attributes = new DerSet(new Asn1EncodableVector(
            new BcAttribute(CmsAttributes.ContentType, new DerSet(CmsObjectIdentifiers.Data)),
            new BcAttribute(CmsAttributes.SigningTime, new DerSet(new Org.BouncyCastle.Asn1.Cms.Time(signingTime ?? DateTime.UtcNow))),
            new BcAttribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString(contentDigest)))));
        var signature = GostTestPki.Sign(signer, attributes.GetEncoded(Asn1Encodable.Der));
        if (reverseSignature)
        {
            Array.Reverse(signature);
        }

        var signerInfo = new SignerInfo(
            new SignerIdentifier(new IssuerAndSerialNumber(signer.Certificate.CertificateStructure)),
            new AlgorithmIdentifier(new DerObjectIdentifier(signer.Profile.DigestOid)),
            attributes,
            new AlgorithmIdentifier(new DerObjectIdentifier(signer.Profile.SignatureOid)),
            new DerOctetString(signature),
            null);
        var certificates = new DerSet(new[] { signer.Certificate }.Concat(extra)
            .Select(c => (Asn1Encodable)c.CertificateStructure).ToArray());
        var signedData = new SignedData(
            new DerSet(new AlgorithmIdentifier(new DerObjectIdentifier(signer.Profile.DigestOid))),
            new ContentInfo(CmsObjectIdentifiers.Data, null),
            certificates,
            null,
            new DerSet(signerInfo));
        return new ContentInfo(CmsObjectIdentifiers.SignedData, signedData).GetEncoded(Asn1Encodable.Der);
    }
}
