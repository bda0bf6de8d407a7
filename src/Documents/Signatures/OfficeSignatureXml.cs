using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Writes the XML-DSig of an Office signature part (<c>/_xmlsignatures/sigN.xml</c>) as text that is already in
/// Canonical XML 1.0 form (<see href="https://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>): elements with start and
/// end tags, attributes sorted, the one escaping C14N uses, no whitespace between elements. The digest of the package
/// object and the signature over SignedInfo are then computed over the very bytes written, with the one namespace
/// declaration C14N adds on the apex of a signed subset (the XML-DSig default namespace, in scope from Signature).
/// </summary>
/// <remarks>
/// <see cref="System.Security.Cryptography.Xml.SignedXml"/> made the same signature by building a DOM, copying it and
/// canonicalising it twice, which was half of an Office signature's CPU in a batch (bench/Documents/README.md). The result
/// is read back by <c>SignedXml.CheckSignature</c> (<see cref="OfficePackageSignature"/>) and by xmlsec1 in the tests.
/// </remarks>
internal static class OfficeSignatureXml
{
    public const string PackageObjectId = "idPackageObject";
    public const string SignatureId = "idPackageSignature";
    private const string DsigNamespace = "http://www.w3.org/2000/09/xmldsig#";
    private const string PackageSignatureNamespace = "http://schemas.openxmlformats.org/package/2006/digital-signature";
    private const string RelationshipTransformUrl = "http://schemas.openxmlformats.org/package/2006/RelationshipTransform";
    private const string C14NUrl = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    private const string Sha256Url = "http://www.w3.org/2001/04/xmlenc#sha256";
    private const string RsaSha256Url = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private const string SignatureTimeFormat = "YYYY-MM-DDThh:mm:ssTZD";

    /// <summary>One part the manifest lists: its URI (with the content type), the relationship ids its transform keeps (null for a non-relationship part), and its digest.</summary>
    public sealed record ManifestEntry(string Uri, IReadOnlyList<string>? RelationshipIds, string Digest);

    /// <summary>The signature part's bytes (UTF-8), signed with <paramref name="key"/> (RSA PKCS#1 v1.5 or ECDSA r||s, SHA-256).</summary>
    public static byte[] Write(IReadOnlyList<ManifestEntry> manifest, DateTimeOffset signingTime, X509Certificate2 signer, AsymmetricAlgorithm key)
    {
        var packageObject = PackageObject(manifest, signingTime);
        var objectDigest = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(WithDsigNamespace(packageObject, "<Object"))));
        var signatureMethod = key is RSA ? RsaSha256Url : EcdsaSha256SignatureDescription.Url;
        var signedInfo = new StringBuilder(512)
            .Append("<SignedInfo><CanonicalizationMethod Algorithm=\"").Append(C14NUrl).Append("\"></CanonicalizationMethod>")
            .Append("<SignatureMethod Algorithm=\"").Append(signatureMethod).Append("\"></SignatureMethod>")
            .Append("<Reference Type=\"").Append(DsigNamespace).Append("Object\" URI=\"#").Append(PackageObjectId).Append("\">")
            .Append("<DigestMethod Algorithm=\"").Append(Sha256Url).Append("\"></DigestMethod>")
            .Append("<DigestValue>").Append(objectDigest).Append("</DigestValue></Reference></SignedInfo>").ToString();
        var canonicalSignedInfo = Encoding.UTF8.GetBytes(WithDsigNamespace(signedInfo, "<SignedInfo"));
        var signatureValue = key switch
        {
            RSA rsa => rsa.SignData(canonicalSignedInfo, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ecdsa => ecdsa.SignData(canonicalSignedInfo, HashAlgorithmName.SHA256), // IEEE P1363 r||s, as XML-DSig writes it
            _ => throw new ArgumentException($"The key of '{signer.Subject}' is neither RSA nor ECDSA.", nameof(key)),
        };

        var xml = new StringBuilder(packageObject.Length + signedInfo.Length + 2048)
            .Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .Append("<Signature Id=\"").Append(SignatureId).Append("\" xmlns=\"").Append(DsigNamespace).Append("\">")
            .Append(signedInfo)
            .Append("<SignatureValue>").Append(Convert.ToBase64String(signatureValue)).Append("</SignatureValue>")
            .Append("<KeyInfo><X509Data><X509Certificate>").Append(Convert.ToBase64String(signer.RawData)).Append("</X509Certificate></X509Data></KeyInfo>")
            .Append(packageObject)
            .Append("</Signature>");
        return Encoding.UTF8.GetBytes(xml.ToString());
    }

    /// <summary>The package object: the manifest of part digests and the signing time, as Office writes them.</summary>
    private static string PackageObject(IReadOnlyList<ManifestEntry> manifest, DateTimeOffset signingTime)
    {
        var xml = new StringBuilder(256 * (manifest.Count + 2));
        xml.Append("<Object Id=\"").Append(PackageObjectId).Append("\"><Manifest>");
        foreach (var entry in manifest)
        {
            xml.Append("<Reference URI=\"").Append(Attribute(entry.Uri)).Append("\">");
            if (entry.RelationshipIds is { } ids)
            {
                xml.Append("<Transforms><Transform Algorithm=\"").Append(RelationshipTransformUrl).Append("\">");
                foreach (var id in ids)
                {
                    // Each element declares the prefix it uses: its parent in the output does not.
                    xml.Append("<mdssi:RelationshipReference xmlns:mdssi=\"").Append(PackageSignatureNamespace).Append("\" SourceId=\"")
                        .Append(Attribute(id)).Append("\"></mdssi:RelationshipReference>");
                }

                xml.Append("</Transform><Transform Algorithm=\"").Append(C14NUrl).Append("\"></Transform></Transforms>");
            }

            xml.Append("<DigestMethod Algorithm=\"").Append(Sha256Url).Append("\"></DigestMethod>")
                .Append("<DigestValue>").Append(entry.Digest).Append("</DigestValue></Reference>");
        }

        xml.Append("</Manifest><SignatureProperties><SignatureProperty Id=\"idSignatureTime\" Target=\"#").Append(SignatureId).Append("\">")
            .Append("<mdssi:SignatureTime xmlns:mdssi=\"").Append(PackageSignatureNamespace).Append("\">")
            .Append("<mdssi:Format>").Append(SignatureTimeFormat).Append("</mdssi:Format>")
            .Append("<mdssi:Value>").Append(signingTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</mdssi:Value>")
            .Append("</mdssi:SignatureTime></SignatureProperty></SignatureProperties></Object>");
        return xml.ToString();
    }

    /// <summary>The canonical form of a subset whose apex is the element starting <paramref name="xml"/>: the default namespace declared on it.</summary>
    private static string WithDsigNamespace(string xml, string start) =>
        start + " xmlns=\"" + DsigNamespace + "\"" + xml[start.Length..];

    /// <summary>An attribute value escaped as C14N does (§2.3 "Attribute Nodes").</summary>
    private static string Attribute(string value)
    {
        if (value.AsSpan().IndexOfAny("&<\"\t\n\r") < 0)
        {
            return value;
        }

        return value.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("\t", "&#x9;", StringComparison.Ordinal)
            .Replace("\n", "&#xA;", StringComparison.Ordinal).Replace("\r", "&#xD;", StringComparison.Ordinal);
    }
}
