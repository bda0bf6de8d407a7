using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Qadam.Documents.Signatures;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>
/// The Office signature inside the package is read by an independent XML-DSig implementation (xmlsec1, as
/// LibreOffice uses it), not only by the .NET code that wrote it: the signature over the package object
/// verifies against the trusted root, the manifest names the main part with its true digest, and an edited
/// manifest is refused.
/// </summary>
public sealed class XmlSecInteropTests : IDisposable
{
    private const string MainPart = "word/document.xml";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("qadam-xmlsec-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task OfficeSignature_VerifiesWithXmlSec_AndItsManifestCarriesTheMainPartsDigest()
    {
        var document = new TemplateBuilder().Title("БҰЙРЫҚ").Text("Әлия Қасымқызы қашықтан оқытуға ауыстырылсын").Build();
        var signed = OfficePackageSignature.Embed(document, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), DateTimeOffset.UtcNow);
        var (signatureXml, mainPart) = Read(signed);
        var root = Write("root.pem", TestPki.Demo.RootCertificate.ExportCertificatePem());
        var good = Write("sig1.xml", signatureXml);
        var manifestDigest = ManifestDigest(signatureXml, "/" + MainPart);
        var edited = Write("edited.xml", signatureXml.Replace(manifestDigest, Convert.ToBase64String(new byte[32]), StringComparison.Ordinal));

        var (ok, output) = await XmlSecVerifyAsync(good, root);
        var (editedOk, _) = await XmlSecVerifyAsync(edited, root);

        Assert.True(ok, output);
        Assert.False(editedOk);
        Assert.Equal(Convert.ToBase64String(SHA256.HashData(mainPart)), manifestDigest);
    }

    private static (string SignatureXml, byte[] MainPart) Read(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package));
        using var signature = new StreamReader(zip.GetEntry("_xmlsignatures/sig1.xml")!.Open(), Encoding.UTF8);
        using var main = new MemoryStream();
        zip.GetEntry(MainPart)!.Open().CopyTo(main);
        return (signature.ReadToEnd(), main.ToArray());
    }

    private static string ManifestDigest(string signatureXml, string partName)
    {
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        xml.LoadXml(signatureXml);
        var namespaces = new XmlNamespaceManager(xml.NameTable);
        namespaces.AddNamespace("ds", "http://www.w3.org/2000/09/xmldsig#");
        var reference = xml.SelectNodes("//ds:Manifest/ds:Reference", namespaces)!.Cast<XmlElement>()
            .Single(r => r.GetAttribute("URI").StartsWith(partName + "?", StringComparison.Ordinal));
        return reference.SelectSingleNode("ds:DigestValue", namespaces)!.InnerText;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(bool Ok, string Output)> XmlSecVerifyAsync(string signature, string root)
    {
        var start = new ProcessStartInfo("xmlsec1") { RedirectStandardOutput = true, RedirectStandardError = true };
        // xmlsec1 cannot open package parts ("/word/document.xml?ContentType=…"), so it checks the signature over
        // the object that lists them with their digests (a changed digest breaks it); the digests themselves are
        // compared with the parts above, as a reader resolving the package does.
        foreach (var argument in new[] { "--verify", "--ignore-manifests", "--enabled-reference-uris", "same-doc", "--trusted-pem", root, "--id-attr:Id", "Object", signature })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output + await error);
    }
}
