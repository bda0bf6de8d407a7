using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Qadam.Documents.Pki;
using Qadam.Documents.Registry;
using Qadam.Documents.Signatures;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Signatures;

public sealed class DocumentSigningTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private readonly SignatureVerifier _verifier = TestPki.Verifier();

    public async Task InitializeAsync()
    {
        await DocumentsDatabase.MigrateAsync(database);
        await using var db = DocumentsDatabase.Context(database);
        if (!await db.Templates.AnyAsync())
        {
            var sample = SampleDocuments.CouncilProtocolExtract();
            await new TemplateCatalog(db, TimeProvider.System).UploadAsync(new TemplateUpload(
                "protocol", sample.Language, sample.DocumentType, "transfer", "1", sample.Template, sample.KnownVariables), default);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task HeadAndSecretarySignOnTheServer_AndVerificationChecksBothKinds()
    {
        var document = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);
        var signing = new DocumentSigning(db, _verifier, TimeProvider.System);

        await signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), default);
        var second = await signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.SecretaryIin, "Ісләмова Дінара", SignerKeyAlgorithm.Rsa), default);
        var verification = await signing.VerifyAsync(document.Id, default);

        Assert.True(verification.IsValid, string.Join(" ", verification.Problems.Concat(verification.CmsSignatures.SelectMany(s => s.Problems))));
        Assert.Equal([TestPki.HeadIin, TestPki.SecretaryIin], verification.CmsSignatures.Select(s => s.Iin));
        Assert.Equal([TestPki.HeadIin, TestPki.SecretaryIin], verification.PackageSignatures.Select(s => s.Iin));
        Assert.Equal(SignatureOrigin.Server, second.Origin);
        Assert.NotNull(second.SignedPackage);
        // The registered bytes stay as issued; the signatures are beside them.
        Assert.Equal(document.Content, (await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).FindAsync(document.Id, default))!.Content);
    }

    [Fact]
    public async Task SimultaneousServerSignatures_AllEndUpInTheSignedPackage()
    {
        var document = await IssueAsync();
        var signers = new[]
        {
            TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"),
            TestPki.Demo.User(TestPki.SecretaryIin, "Ісләмова Дінара"),
            TestPki.Demo.Organisation,
        };

        await Task.WhenAll(signers.Select(async signer =>
        {
            await using var db = DocumentsDatabase.Context(database);
            await new DocumentSigning(db, _verifier, TimeProvider.System).SignOnServerAsync(document.Id, signer, default);
        }));

        await using var check = DocumentsDatabase.Context(database);
        var verification = await new DocumentSigning(check, _verifier, TimeProvider.System).VerifyAsync(document.Id, default);
        Assert.True(verification.IsValid);
        Assert.Equal(3, verification.CmsSignatures.Count);
        Assert.Equal(3, verification.PackageSignatures.Count);
    }

    [Fact]
    public async Task ClientMadeCms_IsAccepted_AfterVerification()
    {
        var document = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);
        var base64 = ClientSign(document.Content, TestPki.Demo.User(TestPki.SecretaryIin, "Ісләмова Дінара", SignerKeyAlgorithm.Rsa));

        var acceptance = await new DocumentSigning(db, _verifier, TimeProvider.System)
            .AcceptClientSignatureAsync(document.Id, base64, expectedIin: TestPki.SecretaryIin, default);

        Assert.True(acceptance.Accepted, string.Join(" ", acceptance.Problems));
        Assert.Equal(SignatureOrigin.Client, acceptance.Signature!.Origin);
        Assert.Equal(TestPki.SecretaryIin, acceptance.Signature.SignerIin);
        var verification = await new DocumentSigning(db, _verifier, TimeProvider.System).VerifyAsync(document.Id, default);
        Assert.True(verification.IsValid);
        Assert.Empty(verification.PackageSignatures);
    }

    [Fact]
    public async Task ForgedClientCms_IsRefused_AndNotStored()
    {
        var document = await IssueAsync();
        var other = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);
        var signing = new DocumentSigning(db, _verifier, TimeProvider.System);
        var head = TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл");

        // Made over another document's bytes, then presented as this one's.
        var overOtherBytes = await signing.AcceptClientSignatureAsync(document.Id, ClientSign(other.Content, head), null, default);
        // A valid signature whose signature value was altered.
        var cms = Convert.FromBase64String(ClientSign(document.Content, head));
        cms[^5] ^= 0xFF;
        var altered = await signing.AcceptClientSignatureAsync(document.Id, Convert.ToBase64String(cms), null, default);
        // Signed by a certificate from a root nobody configured.
        var stranger = await signing.AcceptClientSignatureAsync(document.Id, ClientSign(document.Content, TestPki.Unknown.User(TestPki.HeadIin, "Нұрланова Айгүл")), null, default);

        Assert.False(overOtherBytes.Accepted);
        Assert.Contains(overOtherBytes.Problems, p => p.StartsWith("The signature does not match the document's bytes", StringComparison.Ordinal));
        Assert.False(altered.Accepted);
        Assert.False(stranger.Accepted);
        Assert.Contains(stranger.Problems, p => p.StartsWith("The certificate does not chain to a trusted root", StringComparison.Ordinal));
        Assert.False(await db.Signatures.AnyAsync(s => s.DocumentId == document.Id));
    }

    [Fact]
    public async Task ClientCms_IsRefused_WhenMadeWithAnotherPersonsCertificate()
    {
        var document = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);

        var acceptance = await new DocumentSigning(db, _verifier, TimeProvider.System).AcceptClientSignatureAsync(
            document.Id, ClientSign(document.Content, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл")), TestPki.SecretaryIin, default);

        Assert.Equal($"The signature was made with the certificate of IIN {TestPki.HeadIin}, not {TestPki.SecretaryIin}.", Assert.Single(acceptance.Problems));
    }

    [Fact]
    public async Task ServerSigning_Refuses_AnExpiredCertificate()
    {
        var document = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);
        var now = DateTimeOffset.UtcNow;
        var expired = TestPki.Demo.IssueUser(TestPki.HeadIin, "Нұрланова Айгүл", SignerKeyAlgorithm.Ecdsa, now.AddDays(-300), now.AddDays(-1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new DocumentSigning(db, _verifier, TimeProvider.System).SignOnServerAsync(document.Id, expired, default));

        Assert.Contains("had expired at the signing time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresentedFile_IsRecognised_AsIssuedOrAsSigned_ButNotWithAChangedByte()
    {
        var document = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);
        var signing = new DocumentSigning(db, _verifier, TimeProvider.System);
        var signature = await signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), default);
        var changed = (byte[])signature.SignedPackage!.Clone();
        changed[changed.Length / 3] ^= 0x01;

        var asIssued = await signing.VerifyPresentedFileAsync(document.Content, default);
        var asSigned = await signing.VerifyPresentedFileAsync(signature.SignedPackage!, default);
        var forged = await signing.VerifyPresentedFileAsync(changed, default);

        Assert.Equal(document.RegistryNumber, asIssued!.RegistryNumber);
        Assert.True(asIssued.IsValid);
        Assert.Equal(document.Id, asSigned!.DocumentId);
        Assert.Equal(TestPki.HeadIin, Assert.Single(asSigned.PackageSignatures).Iin);
        Assert.Null(forged);
    }

    [Fact]
    public async Task StoredSignatures_CannotBeChanged()
    {
        var document = await IssueAsync();
        await using var db = DocumentsDatabase.Context(database);
        var signature = await new DocumentSigning(db, _verifier, TimeProvider.System).SignOnServerAsync(document.Id, TestPki.Demo.Organisation, default);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE documents.signatures SET cms = '\\x00' WHERE id = {signature.Id}"));

        Assert.Contains("immutable", error.MessageText, StringComparison.Ordinal);
    }

    private async Task<RegisteredDocument> IssueAsync()
    {
        await using var db = DocumentsDatabase.Context(database);
        var sample = SampleDocuments.CouncilProtocolExtract();
        return await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).IssueAsync(
            new IssueDocumentRequest("SCH001", "protocol", sample.Language, "transfer", "1", sample.Data), default);
    }

    // What NCALayer returns for sign(format "cms", encapsulate false): a base64 detached
    // SignedData with a signing time, made here with SignedCms directly, not with our signer.
    private static string ClientSign(byte[] content, X509Certificate2 certificate)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(DateTime.UtcNow));
        cms.ComputeSignature(signer);
        return Convert.ToBase64String(cms.Encode());
    }
}
