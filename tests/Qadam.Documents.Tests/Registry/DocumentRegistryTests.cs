using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Qadam.Documents.Persistence;
using Qadam.Documents.Registry;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Registry;

public sealed class DocumentRegistryTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    // 2 May 2025, 10:00 in Kazakhstan (UTC+5).
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 5, 2, 5, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await DocumentsDatabase.MigrateAsync(database);
        await using var db = DocumentsDatabase.Context(database);
        if (!await db.Templates.AnyAsync())
        {
            var catalog = new TemplateCatalog(db, _time);
            var order = SampleDocuments.TransferOrder();
            Assert.True((await catalog.UploadAsync(new TemplateUpload(
                "transfer-order", order.Language, order.DocumentType, "transfer", "1", order.Template, order.KnownVariables), default)).Succeeded);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task IssueAsync_NumbersTheDocument_AndStoresItsBytesAndOrigin()
    {
        await using var db = DocumentsDatabase.Context(database);
        var registry = new DocumentRegistry(db, new DocumentRegistryOptions(), _time);

        var issued = await registry.IssueAsync(Request("SCH-A"), default);

        Assert.Equal("SCH-A-ORDER-2025-0001", issued.RegistryNumber);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(issued.Content)), issued.Sha256);
        Assert.Equal(("transfer-order", 1, "transfer", "1"), (issued.TemplateKey, issued.TemplateVersion, issued.ProcessKey, issued.ProcessVersion));
        var text = ParagraphText(issued.Content);
        Assert.Contains("№ SCH-A-ORDER-2025-0001 от 2 мая 2025 года", text, StringComparison.Ordinal);
        await using var reread = DocumentsDatabase.Context(database);
        Assert.Equal(issued.Content, (await new DocumentRegistry(reread, new DocumentRegistryOptions(), _time).FindAsync(issued.Id, default))!.Content);
    }

    [Fact]
    public async Task ListForCaseAsync_ReturnsTheCasesDocumentsInOrderOfIssue()
    {
        await using var db = DocumentsDatabase.Context(database);
        var registry = new DocumentRegistry(db, new DocumentRegistryOptions(), _time);
        var first = await registry.IssueAsync(Request("SCH-L") with { CaseReference = "case-list" }, default);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await registry.IssueAsync(Request("SCH-L") with { CaseReference = "case-list" }, default);
        await registry.IssueAsync(Request("SCH-L") with { CaseReference = "another-case" }, default);

        var documents = await registry.ListForCaseAsync("case-list", default);

        Assert.Equal([first.RegistryNumber, second.RegistryNumber], documents.Select(d => d.RegistryNumber));
    }

    [Fact]
    public async Task IssueAsync_UsesThePatternConfiguredForTheDocumentType()
    {
        await using var db = DocumentsDatabase.Context(database);
        var options = new DocumentRegistryOptions();
        options.NumberPatternsByDocumentType["ORDER"] = "{seq}-ө/{year}";

        var issued = await new DocumentRegistry(db, options, _time).IssueAsync(Request("SCH-P"), default);

        Assert.Equal("1-ө/2025", issued.RegistryNumber);
    }

    [Fact]
    public async Task TwoHundredParallelIssues_GetTwoHundredConsecutiveNumbers()
    {
        // The issues queue on the counter row, so some wait a while for their turn; the pool is kept
        // small enough for the shared server's connection limit.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 40, Timeout = 120 }.ConnectionString;
        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
            builder.UseDocumentsNpgsql(connectionString);
            await using var db = new DocumentsDbContext(builder.Options);
            var issued = await new DocumentRegistry(db, new DocumentRegistryOptions(), _time).IssueAsync(Request("SCH-C"), default);
            return (issued.Sequence, issued.RegistryNumber);
        }));

        Assert.Equal(Enumerable.Range(1, 200), numbers.Select(n => n.Sequence).Order());
        Assert.Equal(200, numbers.Select(n => n.RegistryNumber).Distinct(StringComparer.Ordinal).Count());
        await using var check = DocumentsDatabase.Context(database);
        Assert.Equal(200, await check.Documents.CountAsync(d => d.OrganisationCode == "SCH-C"));
    }

    [Fact]
    public async Task AFailedRender_LeavesNoGapInTheNumbers()
    {
        await using var db = DocumentsDatabase.Context(database);
        var registry = new DocumentRegistry(db, new DocumentRegistryOptions(), _time);
        var incomplete = Request("SCH-G") with { Data = new JsonObject { ["student"] = new JsonObject() } };

        await Assert.ThrowsAsync<DocumentRenderException>(() => registry.IssueAsync(incomplete, default));
        var issued = await registry.IssueAsync(Request("SCH-G"), default);

        Assert.Equal(1, issued.Sequence);
    }

    [Fact]
    public async Task IssueAsync_JoinsTheCallersTransaction_AndRollsBackWithIt()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
            builder.UseDocumentsNpgsql(connection);
            await using var db = new DocumentsDbContext(builder.Options);
            await db.Database.UseTransactionAsync(transaction);
            var registry = new DocumentRegistry(db, new DocumentRegistryOptions(), _time);

            var issued = await registry.IssueAsync(Request("SCH-T"), default);
            Assert.Equal(1, issued.Sequence);
            Assert.Same(transaction, db.Database.CurrentTransaction!.GetDbTransaction());
            await transaction.RollbackAsync();
        }

        await using var check = DocumentsDatabase.Context(database);
        Assert.False(await check.Documents.AnyAsync(d => d.OrganisationCode == "SCH-T"));
        var again = await new DocumentRegistry(check, new DocumentRegistryOptions(), _time).IssueAsync(Request("SCH-T"), default);
        Assert.Equal(1, again.Sequence);
    }

    [Fact]
    public async Task AFailedRender_InTheCallersTransaction_GivesItsNumberBack()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
        builder.UseDocumentsNpgsql(connection);
        await using var db = new DocumentsDbContext(builder.Options);
        await db.Database.UseTransactionAsync(transaction);
        var registry = new DocumentRegistry(db, new DocumentRegistryOptions(), _time);

        await Assert.ThrowsAsync<DocumentRenderException>(() =>
            registry.IssueAsync(Request("SCH-S") with { Data = new JsonObject() }, default));
        // The caller carries on and commits its other work, as the engine would after handling the error.
        var issued = await registry.IssueAsync(Request("SCH-S"), default);
        await transaction.CommitAsync();

        Assert.Equal(1, issued.Sequence);
    }

    [Fact]
    public async Task StoredDocuments_CannotBeChangedOrDeleted()
    {
        await using var db = DocumentsDatabase.Context(database);
        var issued = await new DocumentRegistry(db, new DocumentRegistryOptions(), _time).IssueAsync(Request("SCH-I"), default);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE documents.documents SET content = '\\x00' WHERE id = {issued.Id}"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM documents.documents WHERE id = {issued.Id}"));

        Assert.Contains("immutable; UPDATE refused", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("immutable; DELETE refused", delete.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueAsync_ExplainsAMissingTemplateEdition()
    {
        await using var db = DocumentsDatabase.Context(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new DocumentRegistry(db, new DocumentRegistryOptions(), _time).IssueAsync(Request("SCH-A") with { ProcessVersion = "9" }, default));

        Assert.Equal("No template 'transfer-order' (ru) is uploaded for process 'transfer' version '9'.", error.Message);
    }

    private static IssueDocumentRequest Request(string organisation) =>
        new(organisation, "transfer-order", DocumentLanguage.Ru, "transfer", "1", SampleDocuments.TransferOrder().Data, "case-1");

    private static string ParagraphText(byte[] docx)
    {
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!
            .Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
