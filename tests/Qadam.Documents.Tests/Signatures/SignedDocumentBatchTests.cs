using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;
using Qadam.Documents.Signatures;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>Batches of orders numbered, rendered and signed together (per-school orders of a city- or nationwide order).</summary>
public sealed class SignedDocumentBatchTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    // Now: the demo certificates are made valid from today.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly SignatureVerifier _verifier = TestPki.Verifier();

    public async Task InitializeAsync()
    {
        await DocumentsDatabase.MigrateAsync(database);
        await using var db = DocumentsDatabase.Context(database);
        if (!await db.Templates.AnyAsync())
        {
            var order = SampleDocuments.TransferOrder();
            Assert.True((await new TemplateCatalog(db, _time).UploadAsync(new TemplateUpload(
                "transfer-order", order.Language, order.DocumentType, "transfer", "1", order.Template, order.KnownVariables), default)).Succeeded);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ABatch_ContinuesEachSchoolsRegisterWithoutGaps_AndEverySignatureVerifies()
    {
        await using var db = DocumentsDatabase.Context(database);
        var earlier = await new DocumentRegistry(db, new DocumentRegistryOptions(), _time).IssueAsync(Request("SCH-B1"), default);
        IssueDocumentRequest[] requests = [.. Enumerable.Range(0, 60).Select(i => Request(i % 3 == 0 ? "SCH-B2" : "SCH-B1"))];

        var signed = await Batch(db).IssueAndSignAsync(requests, Head(), parallelism: 4, default);

        Assert.Equal(1, earlier.Sequence);
        Assert.Equal(Enumerable.Range(2, 40), signed.Where(s => s.Document.OrganisationCode == "SCH-B1").Select(s => s.Document.Sequence));
        Assert.Equal(Enumerable.Range(1, 20), signed.Where(s => s.Document.OrganisationCode == "SCH-B2").Select(s => s.Document.Sequence));
        Assert.Contains($"№ SCH-B1-ORDER-{_time.GetUtcNow().ToOffset(TimeSpan.FromHours(5)).Year}-0041 от ", Text(signed[^1].Document.Content), StringComparison.Ordinal);
        await using var check = DocumentsDatabase.Context(database);
        Assert.Equal(41, await check.Documents.CountAsync(d => d.OrganisationCode == "SCH-B1"));
        var signing = new DocumentSigning(check, _verifier, _time);
        foreach (var document in signed.Select(s => s.Document))
        {
            var verification = await signing.VerifyAsync(document.Id, default);
            Assert.True(verification.IsValid, document.RegistryNumber + ": " + string.Join(" ", verification.Problems));
            Assert.Equal([TestPki.HeadIin], verification.CmsSignatures.Select(s => s.Iin));
            Assert.Equal([TestPki.HeadIin], verification.PackageSignatures.Select(s => s.Iin));
        }
    }

    [Fact]
    public async Task ConcurrentBatches_OnOneRegister_GetOneRunOfNumbersWithoutDuplicates()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 10, Timeout = 120 }.ConnectionString;
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
            builder.UseDocumentsNpgsql(connectionString);
            await using var db = new DocumentsDbContext(builder.Options);
            return await Batch(db).IssueAndSignAsync([.. Enumerable.Range(0, 25).Select(_ => Request("SCH-BC"))], Head(), 2, default);
        }));

        Assert.Equal(Enumerable.Range(1, 100), batches.SelectMany(b => b).Select(s => s.Document.Sequence).Order());
        // Each batch holds a consecutive run: the register is locked from its reservation until the batch commits.
        Assert.All(batches, b => Assert.Equal(b[^1].Document.Sequence - b[0].Document.Sequence, b.Count - 1));
    }

    [Fact]
    public async Task AFailureInsideTheBatch_KeepsNoDocumentAndUsesNoNumber()
    {
        await using var db = DocumentsDatabase.Context(database);
        var requests = Enumerable.Range(0, 20).Select(_ => Request("SCH-BF")).ToList();
        requests[13] = requests[13] with { Data = new JsonObject { ["student"] = new JsonObject() } };

        await Assert.ThrowsAsync<DocumentRenderException>(() => Batch(db).IssueAndSignAsync(requests, Head(), 4, default));

        await using var check = DocumentsDatabase.Context(database);
        Assert.False(await check.Documents.AnyAsync(d => d.OrganisationCode == "SCH-BF"));
        var next = await new DocumentRegistry(check, new DocumentRegistryOptions(), _time).IssueAsync(Request("SCH-BF"), default);
        Assert.Equal(1, next.Sequence);
    }

    [Fact]
    public async Task AFailureInTheCallersTransaction_RollsTheWholeBatchBack()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
            builder.UseDocumentsNpgsql(connection);
            await using var db = new DocumentsDbContext(builder.Options);
            await db.Database.UseTransactionAsync(transaction);
            var issued = await new DocumentRegistry(db, new DocumentRegistryOptions(), _time)
                .IssueManyAsync([.. Enumerable.Range(0, 10).Select(_ => Request("SCH-BT"))], 2, default);
            Assert.Equal(Enumerable.Range(1, 10), issued.Select(d => d.Sequence));
            await transaction.RollbackAsync(); // e.g. the mass-transfer step's job failed after its orders were rendered
        }

        await using var check = DocumentsDatabase.Context(database);
        Assert.False(await check.Documents.AnyAsync(d => d.OrganisationCode == "SCH-BT"));
        var again = await new DocumentRegistry(check, new DocumentRegistryOptions(), _time).IssueManyAsync([Request("SCH-BT")], 1, default);
        Assert.Equal(1, again[0].Sequence);
    }

    private SignedDocumentBatch Batch(DocumentsDbContext db) => new(db, new DocumentRegistryOptions(), _verifier, _time);

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 Head() => TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл");

    private static IssueDocumentRequest Request(string organisation) =>
        new(organisation, "transfer-order", DocumentLanguage.Ru, "transfer", "1", SampleDocuments.TransferOrder().Data, "case-batch");

    private static string Text(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!
            .Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
