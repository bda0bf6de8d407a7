using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Qadam.Documents.Registry;
using Qadam.Documents.Signatures;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>
/// One signature per signer and document in the database itself: a second one by the same IIN or the same certificate is
/// refused by a unique index (so API nodes racing each other cannot store two), and the migration that adds the indexes
/// keeps the first of the replays stored before it.
/// </summary>
public sealed class UniqueSignerTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string BeforeUniqueIndexes = "20261124141627_InitialDocuments";

    [Fact]
    public async Task Replays_stored_before_the_indexes_are_reduced_to_the_first_and_a_new_one_is_refused()
    {
        // given the schema before the indexes, with a document the head signed twice (two certificates, one IIN)
        await using (var db = DocumentsDatabase.Context(database))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeUniqueIndexes);
        }

        var document = await IssueAsync();
        Guid first;
        await using (var db = DocumentsDatabase.Context(database))
        {
            var signing = new DocumentSigning(db, TestPki.Verifier(), TimeProvider.System);
            first = (await signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), default)).Id;
            await signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), default);
            await signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.SecretaryIin, "Сейітова Дана"), default);
            Assert.Equal(3, await db.Signatures.CountAsync(s => s.DocumentId == document.Id));
        }

        // when the migrations run to the end
        await DocumentsDatabase.MigrateAsync(database);

        // then the head's first signature and the secretary's stay, and a third one by the head is refused by the database
        await using (var db = DocumentsDatabase.Context(database))
        {
            var kept = await db.Signatures.Where(s => s.DocumentId == document.Id).OrderBy(s => s.Position).ToListAsync();
            Assert.Equal([TestPki.HeadIin, TestPki.SecretaryIin], kept.Select(s => s.SignerIin));
            Assert.Equal(first, kept[0].Id);

            var signing = new DocumentSigning(db, TestPki.Verifier(), TimeProvider.System);
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() =>
                signing.SignOnServerAsync(document.Id, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл"), default));
            Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(refused.InnerException).SqlState);
        }

        await using (var db = DocumentsDatabase.Context(database))
        {
            Assert.Equal(2, await db.Signatures.CountAsync(s => s.DocumentId == document.Id));
        }
    }

    private async Task<RegisteredDocument> IssueAsync()
    {
        await using var db = DocumentsDatabase.Context(database);
        var sample = SampleDocuments.CouncilProtocolExtract();
        if (!await db.Templates.AnyAsync())
        {
            await new TemplateCatalog(db, TimeProvider.System).UploadAsync(new TemplateUpload(
                "protocol", sample.Language, sample.DocumentType, "transfer", "1", sample.Template, sample.KnownVariables), default);
        }

        return await new DocumentRegistry(db, new DocumentRegistryOptions(), TimeProvider.System).IssueAsync(
            new IssueDocumentRequest("SCH001", "protocol", sample.Language, "transfer", "1", sample.Data), default);
    }
}
