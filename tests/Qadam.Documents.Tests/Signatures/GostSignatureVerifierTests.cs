using Qadam.Documents.Signatures;
using Qadam.Documents.Signatures.Gost;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>
/// GOST signatures as NCA RK keys make them, with roots, intermediates and users made by BouncyCastle in the test and
/// verified by Qadam: GOST 34.310-2004 and GOST R 34.10-2015 256/512 under the Kazakh OIDs, the TC26 ones BouncyCastle's
/// CMS generator writes, and the certification path checked signature by signature.
/// </summary>
public sealed class GostSignatureVerifierTests
{
    private static readonly byte[] Document = new TemplateBuilder().Text("Бұйрық № 7: Әлия Қасымқызы қашықтан оқытуға ауыстырылсын").Build();

    public static TheoryData<GostProfile> KazakhProfiles => [GostProfile.Kz2004, GostProfile.Kz2015_256, GostProfile.Kz2015_512];

    public static TheoryData<GostProfile> Tc26Profiles => [GostProfile.Tc26_256, GostProfile.Tc26_512];

    [Theory]
    [MemberData(nameof(KazakhProfiles))]
    public void A_signature_under_the_Kazakh_OIDs_is_valid_and_names_the_signer(GostProfile profile)
    {
        var root = GostTestPki.Root(profile);
        var head = GostTestPki.User(root, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ");

        var report = Assert.Single(Verifier(root).VerifyCms(Document, GostCms.Assemble(head, Document)));

        Assert.Empty(report.Problems);
        Assert.True(report.IsValid);
        Assert.Equal(TestPki.HeadIin, report.Iin);
        Assert.Contains("НҰРЛАНОВА АЙГҮЛ", report.SignerSubject, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tc26Profiles))]
    public void A_signature_by_BouncyCastles_CMS_generator_is_valid(GostProfile profile)
    {
        var root = GostTestPki.Root(profile);
        var head = GostTestPki.User(root, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ");

        var report = Assert.Single(Verifier(root).VerifyCms(Document, GostCms.Generate(head, Document)));

        Assert.Empty(report.Problems);
        Assert.True(report.IsValid);
        Assert.Equal(TestPki.HeadIin, report.Iin);
    }

    [Theory]
    [MemberData(nameof(KazakhProfiles))]
    public void A_changed_byte_makes_the_signature_invalid(GostProfile profile)
    {
        var root = GostTestPki.Root(profile);
        var cms = GostCms.Assemble(GostTestPki.User(root, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ"), Document);
        var changed = Document.ToArray();
        changed[changed.Length / 2] ^= 0x01;

        var report = Assert.Single(Verifier(root).VerifyCms(changed, cms));

        Assert.False(report.IsValid);
        Assert.False(report.SignatureValid);
        Assert.Contains(report.Problems, p => p.Contains("does not match the document", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_byte_fails_a_signature_from_BouncyCastles_CMS_generator_too()
    {
        var root = GostTestPki.Root(GostProfile.Tc26_512);
        var cms = GostCms.Generate(GostTestPki.User(root, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ"), Document);
        var changed = Document.ToArray();
        changed[^1] ^= 0x80;

        Assert.False(Assert.Single(Verifier(root).VerifyCms(changed, cms)).SignatureValid);
    }

    [Theory]
    [MemberData(nameof(KazakhProfiles))]
    public void A_certificate_from_another_root_of_the_same_name_is_not_trusted(GostProfile profile)
    {
        var trusted = GostTestPki.Root(profile);
        var impostor = GostTestPki.Root(profile);
        var cms = GostCms.Assemble(GostTestPki.User(impostor, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ"), Document);

        var report = Assert.Single(Verifier(trusted).VerifyCms(Document, cms));

        Assert.True(report.SignatureValid);
        Assert.False(report.ChainTrusted);
        Assert.False(report.IsValid);
        Assert.Contains(report.Problems, p => p.Contains("does not verify with its issuer's key", StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_under_an_unknown_root_is_not_trusted()
    {
        var unknown = GostTestPki.Root(GostProfile.Kz2015_512, "UNKNOWN ROOT");
        var cms = GostCms.Assemble(GostTestPki.User(unknown, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ"), Document);

        var report = Assert.Single(Verifier(GostTestPki.Root(GostProfile.Kz2015_512)).VerifyCms(Document, cms));

        Assert.False(report.ChainTrusted);
        Assert.Contains(report.Problems, p => p.Contains("No issuing certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_path_runs_through_an_intermediate_the_signature_carries()
    {
        var root = GostTestPki.Root(GostProfile.Kz2015_512, "НЕГІЗГІ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST");
        var intermediate = GostTestPki.Intermediate(root, "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST");
        var head = GostTestPki.User(intermediate, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ");

        var carried = Assert.Single(Verifier(root).VerifyCms(Document,
            GostCms.Assemble(head, Document, extra: intermediate.Certificate)));
        var missing = Assert.Single(Verifier(root).VerifyCms(Document, GostCms.Assemble(head, Document)));

        Assert.Empty(carried.Problems);
        Assert.True(carried.IsValid);
        Assert.False(missing.ChainTrusted);
    }

    [Fact]
    public void The_byte_reversed_signature_layout_is_read_too()
    {
        var root = GostTestPki.Root(GostProfile.Kz2015_512);
        var head = GostTestPki.User(root, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ");

        var report = Assert.Single(Verifier(root).VerifyCms(Document, GostCms.Assemble(head, Document, reverseSignature: true)));

        Assert.True(report.IsValid);
    }

    [Fact]
    public void A_signing_time_outside_the_certificate_is_reported()
    {
        var root = GostTestPki.Root(GostProfile.Kz2015_256);
        var head = GostTestPki.User(root, TestPki.HeadIin, "НҰРЛАНОВА АЙГҮЛ");

        var report = Assert.Single(Verifier(root).VerifyCms(Document,
            GostCms.Assemble(head, Document, signingTime: DateTime.UtcNow.AddYears(-3))));

        Assert.True(report.SignatureValid);
        Assert.False(report.ValidAtSigningTime);
        Assert.False(report.IsValid);
    }

    private static SignatureVerifier Verifier(GostCredential root) =>
        new(new SignatureTrust([root.DotNetCertificate]), [new GostSignatureVerifier()]);
}
