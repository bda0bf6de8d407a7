using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Signatures;

public sealed class OfficePackageSignatureTests
{
    private static readonly byte[] Document = new TemplateBuilder().Title("БҰЙРЫҚ").Text("Әлия Қасымқызы қашықтан оқытуға ауыстырылсын").Build();
    private readonly SignatureVerifier _verifier = TestPki.Verifier();

    [Fact]
    public void Embed_WritesTheOfficeSignatureParts_AndTheDocumentStillOpens()
    {
        var signed = OfficePackageSignature.Embed(Document, TestPki.Demo.Organisation, DateTimeOffset.UtcNow);

        using (var zip = new ZipArchive(new MemoryStream(signed)))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("_xmlsignatures/origin.sigs", names);
            Assert.Contains("_xmlsignatures/sig1.xml", names);
            Assert.Contains("_xmlsignatures/_rels/origin.sigs.rels", names);
            using var reader = new StreamReader(zip.GetEntry("_xmlsignatures/sig1.xml")!.Open(), Encoding.UTF8);
            var xml = reader.ReadToEnd();
            Assert.Contains("URI=\"/word/document.xml?ContentType=application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"", xml, StringComparison.Ordinal);
            Assert.Contains("http://schemas.openxmlformats.org/package/2006/RelationshipTransform", xml, StringComparison.Ordinal);
        }

        using var document = WordprocessingDocument.Open(new MemoryStream(signed), false);
        Assert.Contains("Әлия Қасымқызы", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Single(document.DigitalSignatureOriginPart!.XmlSignatureParts);
    }

    [Theory]
    [InlineData(SignerKeyAlgorithm.Rsa)]
    [InlineData(SignerKeyAlgorithm.Ecdsa)]
    public void VerifyPackage_AcceptsTwoSigners_EachReportedWithIin(SignerKeyAlgorithm algorithm)
    {
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл", algorithm);
        var secretary = TestPki.Demo.User(TestPki.SecretaryIin, "Ісләмова Дінара");

        var once = OfficePackageSignature.Embed(Document, head, DateTimeOffset.UtcNow);
        var twice = OfficePackageSignature.Embed(once, secretary, DateTimeOffset.UtcNow);
        var reports = _verifier.VerifyPackage(twice);

        Assert.Equal([TestPki.HeadIin, TestPki.SecretaryIin], reports.Select(r => r.Iin));
        Assert.All(reports, r => Assert.True(r.IsValid, string.Join(" ", r.Problems)));
    }

    [Fact]
    public void VerifyPackage_Fails_WhenAPartChangedAfterSigning()
    {
        var signed = OfficePackageSignature.Embed(Document, TestPki.Demo.Organisation, DateTimeOffset.UtcNow);
        var tampered = Rewrite(signed, "word/document.xml", xml => xml.Replace("Әлия", "Әлиә", StringComparison.Ordinal));

        var report = Assert.Single(_verifier.VerifyPackage(tampered));

        Assert.False(report.IsValid);
        Assert.Contains("_xmlsignatures/sig1.xml: the part /word/document.xml was changed after signing.", report.Problems);
    }

    [Fact]
    public void VerifyPackage_Fails_WhenTheSignatureXmlWasEdited()
    {
        var signed = OfficePackageSignature.Embed(Document, TestPki.Demo.Organisation, DateTimeOffset.UtcNow);
        var tampered = Rewrite(signed, "_xmlsignatures/sig1.xml", xml => xml.Replace("T", "T", StringComparison.Ordinal)
            .Replace("<mdssi:Value>2", "<mdssi:Value>1", StringComparison.Ordinal));

        var report = Assert.Single(_verifier.VerifyPackage(tampered));

        Assert.False(report.SignatureValid);
        Assert.Contains(report.Problems, p => p.Contains("XML signature value does not verify", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyPackage_Fails_ForAnUnknownRoot()
    {
        var signed = OfficePackageSignature.Embed(Document, TestPki.Unknown.Organisation, DateTimeOffset.UtcNow);

        var report = Assert.Single(_verifier.VerifyPackage(signed));

        Assert.True(report.SignatureValid);
        Assert.False(report.ChainTrusted);
    }

    private static byte[] Rewrite(byte[] package, string entryName, Func<string, string> change)
    {
        using var output = new MemoryStream();
        output.Write(package);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string text;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open(), new UTF8Encoding(false));
            writer.Write(change(text));
        }

        return output.ToArray();
    }
}
