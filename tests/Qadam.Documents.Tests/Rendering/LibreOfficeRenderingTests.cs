using Qadam.Documents.Registry;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Rendering;

/// <summary>
/// Each kind of document the pathways issue, uploaded, issued through the registry, and opened by
/// LibreOffice: the PDF's text must show the filled values, Kazakh letters included.
/// </summary>
public sealed class LibreOfficeRenderingTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    public static TheoryData<string> Samples() => new(SampleDocuments.All().Select(s => s.Name));

    public Task InitializeAsync() => DocumentsDatabase.MigrateAsync(database);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task IssuedDocument_OpensInLibreOffice_ShowingTheFilledValues(string name)
    {
        var sample = SampleDocuments.All().Single(s => s.Name == name);
        await using var db = DocumentsDatabase.Context(database);
        var key = "sample-" + Guid.NewGuid().ToString("N")[..8];
        var upload = await new TemplateCatalog(db, TimeProvider.System).UploadAsync(
            new TemplateUpload(key, sample.Language, sample.DocumentType, "transfer", "1", sample.Template, sample.KnownVariables), default);
        Assert.Empty(upload.Problems);

        var issued = await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).IssueAsync(
            new IssueDocumentRequest("SCH001", key, sample.Language, "transfer", "1", sample.Data), default);
        var text = LibreOffice.Normalise(await LibreOffice.ToPdfTextAsync(issued.Content));

        foreach (var expected in sample.ExpectedTexts.Append(issued.RegistryNumber))
        {
            Assert.Contains(LibreOffice.Normalise(expected), text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[student", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedPackage_StillOpensInLibreOffice()
    {
        var sample = SampleDocuments.ParentNotice();
        await using var db = DocumentsDatabase.Context(database);
        var key = "signed-" + Guid.NewGuid().ToString("N")[..8];
        await new TemplateCatalog(db, TimeProvider.System).UploadAsync(
            new TemplateUpload(key, sample.Language, sample.DocumentType, "transfer", "1", sample.Template, sample.KnownVariables), default);
        var issued = await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).IssueAsync(
            new IssueDocumentRequest("SCH001", key, sample.Language, "transfer", "1", sample.Data), default);
        var signing = new Qadam.Documents.Signatures.DocumentSigning(db, TestPki.Verifier(), TimeProvider.System);
        await signing.SignOnServerAsync(issued.Id, TestPki.Demo.Organisation, default);
        var signature = await signing.SignOnServerAsync(issued.Id, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), default);

        var text = LibreOffice.Normalise(await LibreOffice.ToPdfTextAsync(signature.SignedPackage!));

        Assert.Contains("Құрметті Ғалымжан Сәрсенбайұлы!", text, StringComparison.Ordinal);
        Assert.Contains(issued.RegistryNumber, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KazakhLetters_SurviveTheRoundTripThroughLibreOffice()
    {
        var sample = SampleDocuments.CouncilProtocolExtract();
        var data = (System.Text.Json.Nodes.JsonObject)sample.Data.DeepClone();
        data["document"] = new System.Text.Json.Nodes.JsonObject { ["number"] = "1", ["date"] = "2025-05-02" };
        data["decision"]!["text"] = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";

        var text = await LibreOffice.ToPdfTextAsync(new Documents.Rendering.TemplateRenderer().Render(sample.Template, data, sample.Language));

        Assert.Contains("ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І", text, StringComparison.Ordinal);
    }
}
