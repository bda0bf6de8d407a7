using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Office digital signatures inside a DOCX (XML-DSig parts, so Word shows
/// the signature), laid out as ECMA-376 Part 2 §13 and Office do it:
/// <c>/_xmlsignatures/origin.sigs</c> reached from the package relationships, and one
/// <c>/_xmlsignatures/sigN.xml</c> per signer holding an XML-DSig whose <c>Object</c> carries a
/// <c>Manifest</c> with a SHA-256 digest of every part (relationship parts through the
/// Relationship Transform) and the signing time.
/// </summary>
/// <remarks>
/// Written as canonical XML text (<see cref="OfficeSignatureXml"/>) and read with <see cref="SignedXml"/>, because
/// <c>PackageDigitalSignatureManager</c> is Windows-only (docs/domain-facts.md). The content parts are copied byte for
/// byte (as their compressed ZIP entries), so the registered bytes' parts and the signed package's parts have the same digests.
/// </remarks>
public static class OfficePackageSignature
{
    private const string PackageSignatureNamespace = "http://schemas.openxmlformats.org/package/2006/digital-signature";
    private const string SignatureRelationshipType = "http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature";
    private const string OriginContentType = "application/vnd.openxmlformats-package.digital-signature-origin";
    private const string SignatureContentType = "application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml";
    private const string OriginPart = "_xmlsignatures/origin.sigs";
    private const string OriginRelationshipsPart = "_xmlsignatures/_rels/origin.sigs.rels";
    private const string PackageObjectId = OfficeSignatureXml.PackageObjectId;

    /// <summary>
    /// Returns <paramref name="package"/> with one more Office signature by <paramref name="signer"/>
    /// (RSA or ECDSA key). Earlier signatures stay valid: they do not cover the signature parts.
    /// </summary>
    public static byte[] Embed(byte[] package, X509Certificate2 signer, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(signer);
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)signer.GetRSAPrivateKey() ?? signer.GetECDsaPrivateKey()
                                        ?? throw new ArgumentException($"The certificate '{signer.Subject}' has no RSA or ECDSA private key.", nameof(signer));
        return Embed(package, signer, key, signingTime);
    }

    /// <summary>
    /// As <see cref="Embed(byte[], X509Certificate2, DateTimeOffset)"/> with the signer's private key already taken out of
    /// the certificate, so a batch takes it once per worker instead of once per document.
    /// </summary>
    internal static byte[] Embed(byte[] package, X509Certificate2 signer, AsymmetricAlgorithm key, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(key);
        var parts = PackageParts.Read(package);
        AddSignaturePart(parts, OfficeSignatureXml.Write(Manifest(parts), signingTime, signer, key));
        return parts.WriteOver(package);
    }

    /// <summary>
    /// Differences between the content parts of <paramref name="original"/> and
    /// <paramref name="signedPackage"/>: a signed package must carry exactly the registered parts
    /// plus its signatures (relationship parts compared without the signature origin).
    /// </summary>
    internal static IReadOnlyList<string> CompareContent(byte[] original, byte[] signedPackage)
    {
        var before = PackageParts.Read(original).SignableParts().ToDictionary(p => p.Name, p => Fingerprint(p.Name, p.Bytes), StringComparer.Ordinal);
        var after = PackageParts.Read(signedPackage).SignableParts().ToDictionary(p => p.Name, p => Fingerprint(p.Name, p.Bytes), StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, digest) in before)
        {
            if (!after.TryGetValue(name, out var signed))
            {
                problems.Add($"The signed package lacks the registered part /{name}.");
            }
            else if (!string.Equals(digest, signed, StringComparison.Ordinal))
            {
                problems.Add($"The signed package's part /{name} differs from the registered document.");
            }
        }

        problems.AddRange(after.Keys.Where(n => !before.ContainsKey(n)).Select(n => $"The signed package has a part /{n} the registered document lacks."));
        return problems;
    }

    private static string Fingerprint(string name, byte[] bytes)
    {
        if (!name.EndsWith(".rels", StringComparison.Ordinal))
        {
            return PackageParts.Digest(bytes);
        }

        var ids = PackageParts.Relationships(bytes).Where(r => r.Type != PackageParts.OriginRelationshipType).Select(r => r.Id).ToList();
        return PackageParts.Digest(PackageParts.TransformRelationships(bytes, ids));
    }

    internal sealed record Found(
        X509Certificate2? Certificate, X509Certificate2Collection ExtraCertificates, DateTimeOffset? SigningTime,
        bool SignatureValid, List<string> Problems);

    /// <summary>Reads and checks every signature part: the XML signature value, and each part digest of its manifest.</summary>
    internal static IReadOnlyList<Found> Read(byte[] package)
    {
        PackageParts parts;
        try
        {
            parts = PackageParts.Read(package);
        }
        catch (InvalidDataException ex)
        {
            return [new Found(null, [], null, false, ["The package is not a readable ZIP/DOCX: " + ex.Message])];
        }

        var originRels = parts.Get(OriginRelationshipsPart);
        if (originRels is null)
        {
            return [];
        }

        var found = new List<Found>();
        foreach (var target in PackageParts.LoadXml(originRels).DocumentElement!.ChildNodes.OfType<XmlElement>()
                     .Where(e => e.GetAttribute("Type") == SignatureRelationshipType)
                     .Select(e => e.GetAttribute("Target")))
        {
            var name = target.StartsWith('/') ? target[1..] : PackageParts.SignaturesFolder + target;
            var bytes = parts.Get(name);
            found.Add(bytes is null
                ? new Found(null, [], null, false, [$"The signature part '{name}' named in origin.sigs is missing."])
                : ReadOne(parts, name, bytes));
        }

        return found;
    }

    private static Found ReadOne(PackageParts parts, string name, byte[] bytes)
    {
        var problems = new List<string>();
        var document = PackageParts.LoadXml(bytes);
        var signatureElement = document.DocumentElement!;
        var signedXml = new SignedXml(document);
        signedXml.LoadXml(signatureElement);
        var certificates = new X509Certificate2Collection();
        foreach (var clause in signedXml.KeyInfo.OfType<KeyInfoX509Data>())
        {
            certificates.AddRange(clause.Certificates!.Cast<X509Certificate2>().ToArray());
        }

        var certificate = certificates.Count > 0 ? certificates[0] : null;
        if (certificate is null)
        {
            return new Found(null, certificates, null, false, [$"{name}: the signature carries no certificate."]);
        }

        EcdsaSha256SignatureDescription.EnsureRegistered();
        using AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey();
        var valid = key is not null && signedXml.CheckSignature(key);
        if (!valid)
        {
            problems.Add($"{name}: the XML signature value does not verify (the signature part was altered or forged).");
        }

        // The signed info must point at the object whose manifest is checked, or a forger could
        // add a second, unsigned manifest next to the signed one.
        var reference = signedXml.SignedInfo!.References.OfType<Reference>().FirstOrDefault(r => r.Uri == "#" + PackageObjectId);
        var packageObject = signatureElement.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => e.LocalName == "Object" && e.GetAttribute("Id") == PackageObjectId);
        if (reference is null || packageObject is null)
        {
            problems.Add($"{name}: the signature does not sign a package object, so it covers no part of the document.");
            return new Found(certificate, certificates, null, false, problems);
        }

        var manifestValid = CheckManifest(parts, packageObject, name, problems);
        var signingTime = ReadSignatureTime(packageObject);
        return new Found(certificate, certificates, signingTime, valid && manifestValid, problems);
    }

    private static bool CheckManifest(PackageParts parts, XmlElement packageObject, string signatureName, List<string> problems)
    {
        var manifest = packageObject.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Manifest");
        if (manifest is null)
        {
            problems.Add($"{signatureName}: the package object has no manifest.");
            return false;
        }

        var before = problems.Count;
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in manifest.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == "Reference"))
        {
            var uri = reference.GetAttribute("URI");
            var query = uri.IndexOf('?', StringComparison.Ordinal);
            var partName = (query < 0 ? uri : uri[..query]).TrimStart('/');
            var declaredType = query < 0 ? null : uri[(query + 1)..].Replace("ContentType=", string.Empty, StringComparison.Ordinal);
            covered.Add(partName);
            var bytes = parts.Get(partName);
            if (bytes is null)
            {
                problems.Add($"{signatureName}: the signed part /{partName} is missing from the package.");
                continue;
            }

            if (declaredType is not null && !string.Equals(declaredType, parts.ContentType(partName), StringComparison.Ordinal))
            {
                problems.Add($"{signatureName}: the content type of /{partName} changed after signing.");
            }

            var sourceIds = reference.GetElementsByTagName("RelationshipReference", PackageSignatureNamespace)
                .OfType<XmlElement>().Select(e => e.GetAttribute("SourceId")).ToList();
            var isRelationships = reference.ChildNodes.OfType<XmlElement>().Any(e => e.LocalName == "Transforms");
            if (isRelationships)
            {
                var uncovered = PackageParts.Relationships(bytes)
                    .Where(r => r.Type != PackageParts.OriginRelationshipType && !sourceIds.Contains(r.Id))
                    .Select(r => r.Id).ToList();
                if (uncovered.Count > 0)
                {
                    problems.Add($"{signatureName}: relationships {string.Join(", ", uncovered)} of /{partName} were added after signing.");
                }
            }

            var actual = isRelationships ? PackageParts.Digest(PackageParts.TransformRelationships(bytes, sourceIds)) : PackageParts.Digest(bytes);
            var expected = reference.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "DigestValue")?.InnerText.Trim();
            if (!string.Equals(actual, expected, StringComparison.Ordinal))
            {
                problems.Add($"{signatureName}: the part /{partName} was changed after signing.");
            }
        }

        foreach (var (partName, _) in parts.SignableParts().Where(p => !covered.Contains(p.Name)))
        {
            problems.Add($"{signatureName}: the part /{partName} was added after signing.");
        }

        return problems.Count == before;
    }

    private static List<OfficeSignatureXml.ManifestEntry> Manifest(PackageParts parts)
    {
        var manifest = new List<OfficeSignatureXml.ManifestEntry>();
        foreach (var (name, bytes) in parts.SignableParts())
        {
            var uri = "/" + name + "?ContentType=" + parts.ContentType(name);
            if (name.EndsWith(".rels", StringComparison.Ordinal))
            {
                var (ids, digest) = RelationshipDigests.Of(bytes);
                manifest.Add(new(uri, ids, digest));
            }
            else
            {
                manifest.Add(new(uri, null, PackageParts.Digest(bytes)));
            }
        }

        return manifest;
    }

    private static DateTimeOffset? ReadSignatureTime(XmlElement packageObject)
    {
        var value = packageObject.GetElementsByTagName("Value", PackageSignatureNamespace).OfType<XmlElement>().FirstOrDefault()?.InnerText;
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }

    private static void AddSignaturePart(PackageParts parts, byte[] signatureXml)
    {
        var number = 1;
        while (parts.Get($"{PackageParts.SignaturesFolder}sig{number}.xml") is not null)
        {
            number++;
        }

        var signatureName = $"sig{number}.xml";
        parts.Set(PackageParts.SignaturesFolder + signatureName, signatureXml);
        if (parts.Get(OriginPart) is null)
        {
            parts.Set(OriginPart, []);
        }

        parts.Set(OriginRelationshipsPart, AddRelationship(
            parts.Get(OriginRelationshipsPart), SignatureRelationshipType, signatureName, onlyIfMissing: false));
        parts.Set("_rels/.rels", AddRelationship(
            parts.Get("_rels/.rels"), PackageParts.OriginRelationshipType, OriginPart, onlyIfMissing: true));
        parts.Set(PackageParts.ContentTypesName, AddContentTypes(
            parts.Get(PackageParts.ContentTypesName)!, "/" + PackageParts.SignaturesFolder + signatureName));
    }

    private static byte[] AddRelationship(byte[]? rels, string type, string target, bool onlyIfMissing)
    {
        var document = rels is null ? new XmlDocument() : PackageParts.LoadXml(rels);
        if (document.DocumentElement is null)
        {
            document.AppendChild(document.CreateXmlDeclaration("1.0", "UTF-8", "yes"));
            document.AppendChild(document.CreateElement("Relationships", PackageParts.RelationshipsNamespace));
        }

        var root = document.DocumentElement!;
        var existing = root.ChildNodes.OfType<XmlElement>().ToList();
        if (onlyIfMissing && existing.Any(e => e.GetAttribute("Type") == type))
        {
            return rels!;
        }

        var ids = existing.Select(e => e.GetAttribute("Id")).ToHashSet(StringComparer.Ordinal);
        var n = existing.Count + 1;
        while (ids.Contains($"rIdSig{n}"))
        {
            n++;
        }

        var relationship = document.CreateElement("Relationship", PackageParts.RelationshipsNamespace);
        relationship.SetAttribute("Id", $"rIdSig{n}");
        relationship.SetAttribute("Type", type);
        relationship.SetAttribute("Target", target);
        root.AppendChild(relationship);
        return Encoding.UTF8.GetBytes(document.OuterXml);
    }

    private static byte[] AddContentTypes(byte[] contentTypes, string signaturePartName)
    {
        var document = PackageParts.LoadXml(contentTypes);
        var root = document.DocumentElement!;
        var elements = root.ChildNodes.OfType<XmlElement>().ToList();
        if (!elements.Any(e => e.LocalName == "Default" && string.Equals(e.GetAttribute("Extension"), "sigs", StringComparison.OrdinalIgnoreCase)))
        {
            var sigs = document.CreateElement("Default", PackageParts.ContentTypesNamespace);
            sigs.SetAttribute("Extension", "sigs");
            sigs.SetAttribute("ContentType", OriginContentType);
            root.PrependChild(sigs);
        }

        var signature = document.CreateElement("Override", PackageParts.ContentTypesNamespace);
        signature.SetAttribute("PartName", signaturePartName);
        signature.SetAttribute("ContentType", SignatureContentType);
        root.AppendChild(signature);
        return Encoding.UTF8.GetBytes(document.OuterXml);
    }
}
