using System.Security.Cryptography.Pkcs;
using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Signatures;

public sealed class SignatureVerifierTests
{
    private static readonly byte[] Document = new TemplateBuilder().Text("Бұйрық № 1: Әлия Қасымқызы қашықтан оқытуға ауыстырылсын").Build();
    private readonly SignatureVerifier _verifier = TestPki.Verifier();

    [Theory]
    [InlineData(SignerKeyAlgorithm.Ecdsa)]
    [InlineData(SignerKeyAlgorithm.Rsa)]
    public void VerifyCms_ReportsTheSigner_WhenEverythingHolds(SignerKeyAlgorithm algorithm)
    {
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл", algorithm);
        var signedAt = DateTimeOffset.UtcNow;

        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, head, signedAt)));

        Assert.Empty(report.Problems);
        Assert.True(report.IsValid);
        Assert.Equal(TestPki.HeadIin, report.Iin);
        Assert.Null(report.Bin);
        Assert.Contains("CN=Нұрланова Айгүл", report.SignerSubject, StringComparison.Ordinal);
        Assert.True(report.SignatureValid && report.ChainTrusted && report.ValidAtSigningTime && report.KeyUsageAllowed);
        Assert.Equal(signedAt.ToUnixTimeSeconds(), report.SigningTime!.Value.ToUnixTimeSeconds());
    }

    [Fact]
    public void VerifyCms_ReadsTheOrganisationBin()
    {
        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, TestPki.Demo.Organisation, DateTimeOffset.UtcNow)));

        Assert.True(report.IsValid);
        Assert.Equal(DemoPki.DemoOrganisationBin, report.Bin);
    }

    [Fact]
    public void VerifyCms_ReadsBothIinAndBin_OfAnOfficialSigningForTheOrganisation()
    {
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл", SignerKeyAlgorithm.Rsa, DemoPki.DemoOrganisationBin);

        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, head, DateTimeOffset.UtcNow)));

        Assert.True(report.IsValid);
        Assert.Equal((TestPki.HeadIin, DemoPki.DemoOrganisationBin), (report.Iin, report.Bin));
    }

    [Fact]
    public void VerifyCms_Fails_WhenOneByteOfTheDocumentChanged()
    {
        var cms = DetachedCmsSigner.Sign(Document, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), DateTimeOffset.UtcNow);
        var tampered = (byte[])Document.Clone();
        tampered[tampered.Length / 2] ^= 0x01;

        var report = Assert.Single(_verifier.VerifyCms(tampered, cms));

        Assert.False(report.IsValid);
        Assert.False(report.SignatureValid);
        Assert.True(report.ChainTrusted);
        Assert.Contains(report.Problems, p => p.StartsWith("The signature does not match the document's bytes", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyCms_Fails_WhenTheCertificateComesFromAnUnknownRoot()
    {
        var stranger = TestPki.Unknown.User(TestPki.HeadIin, "Нұрланова Айгүл");

        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, stranger, DateTimeOffset.UtcNow)));

        Assert.True(report.SignatureValid);
        Assert.False(report.ChainTrusted);
        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.StartsWith("The certificate does not chain to a trusted root", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyCms_Fails_WhenTheCertificateHadExpiredAtSigning()
    {
        var now = DateTimeOffset.UtcNow;
        var expired = TestPki.Demo.IssueUser(TestPki.HeadIin, "Нұрланова Айгүл", SignerKeyAlgorithm.Ecdsa, now.AddDays(-400), now.AddDays(-35));

        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, expired, now)));

        Assert.False(report.ValidAtSigningTime);
        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.StartsWith("The certificate had expired at the signing time", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyCms_Fails_WhenTheCertificateWasNotYetValidAtSigning()
    {
        var now = DateTimeOffset.UtcNow;
        var early = TestPki.Demo.IssueUser(TestPki.HeadIin, "Нұрланова Айгүл", SignerKeyAlgorithm.Rsa, now.AddDays(2), now.AddDays(300));

        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, early, now)));

        Assert.False(report.ValidAtSigningTime);
        Assert.Contains(report.Problems, p => p.StartsWith("The certificate was not yet valid at the signing time", StringComparison.Ordinal));
    }

    [Fact]
    public void VerifyCms_ReportsEachSigner_OfACoSignedMessage()
    {
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл");
        var secretary = TestPki.Demo.User(TestPki.SecretaryIin, "Ісләмова Дінара", SignerKeyAlgorithm.Rsa);
        var cms = new SignedCms();
        cms.Decode(DetachedCmsSigner.Sign(Document, head, DateTimeOffset.UtcNow));
        var second = new SignedCms(new ContentInfo(Document), detached: true);
        second.Decode(cms.Encode());
        var signer = new CmsSigner(secretary) { IncludeOption = System.Security.Cryptography.X509Certificates.X509IncludeOption.EndCertOnly };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        second.ComputeSignature(signer);

        var reports = _verifier.VerifyCms(Document, second.Encode());

        Assert.Equal([TestPki.HeadIin, TestPki.SecretaryIin], reports.Select(r => r.Iin));
        Assert.All(reports, r => Assert.True(r.IsValid, string.Join(" ", r.Problems)));
    }

    [Fact]
    public void VerifyCms_Fails_ForAnAttachedCmsCarryingOtherContent()
    {
        // An attacker signs their own text with content embedded and presents it for our document.
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл");
        var attached = new SignedCms(new ContentInfo("басқа мәтін"u8.ToArray()), detached: false);
        var signer = new CmsSigner(head) { IncludeOption = System.Security.Cryptography.X509Certificates.X509IncludeOption.EndCertOnly };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        attached.ComputeSignature(signer);

        var report = Assert.Single(_verifier.VerifyCms(Document, attached.Encode()));

        Assert.False(report.IsValid);
        Assert.False(report.SignatureValid);
    }

    [Fact]
    public void VerifyCms_RefusesGarbage()
    {
        var report = Assert.Single(_verifier.VerifyCms(Document, "not a signature"u8));

        Assert.False(report.IsValid);
        Assert.StartsWith("The signature is not a readable CMS", report.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyCms_WithAcceptanceTime_RefusesABackdatedSigningTime()
    {
        var now = DateTimeOffset.UtcNow;
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл");

        var report = Assert.Single(_verifier.VerifyCms(Document, DetachedCmsSigner.Sign(Document, head, now.AddHours(-3)), acceptedAt: now));

        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.Contains("away from the server's clock", StringComparison.Ordinal));
    }
}
