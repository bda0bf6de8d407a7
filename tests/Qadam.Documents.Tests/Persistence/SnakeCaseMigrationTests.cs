using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Qadam.Testing;

namespace Qadam.Documents.Tests.Persistence;

/// <summary>
/// The <c>documents</c> schema's columns were snake_case already; its keys and indexes took EF's PascalCase prefixes
/// (<c>PK_documents</c>, <c>IX_…</c>). The naming convention renames them in place: an issued document and its register's
/// counter stored before stay, the immutability triggers let the rename through, and no upper-case name is left.
/// </summary>
public sealed class SnakeCaseMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string BeforeSnakeCase = "20261206201016_UniqueSignerPerDocumentSignatures";

    [Fact]
    public async Task An_issued_document_and_its_counter_stored_before_the_rename_are_read_back()
    {
        var document = Guid.NewGuid();

        // given the schema before the rename, with a document issued under it and its register's counter
        await using (var db = DocumentsDatabase.Context(database))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeSnakeCase);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO documents.documents (id, registry_number, organisation_code, document_type, year, sequence, content, sha256,
                    template_key, template_version, process_key, process_version, language, case_reference, created_at)
                VALUES ({document}, 's1-ORDER-2026-0007', 's1', 'ORDER', 2026, 7, {new byte[] { 1, 2, 3 }}, {new string('a', 64)},
                    'order', 1, 'weather', '1', 'kk', 'CASE-7', {DateTimeOffset.UnixEpoch})
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO documents.number_counters (organisation_code, document_type, year, last_sequence) VALUES ('s1', 'ORDER', 2026, 7)
                """);
        }

        // when the rename runs
        await DocumentsDatabase.MigrateAsync(database);

        // then both are there, read through the model
        await using (var db = DocumentsDatabase.Context(database))
        {
            var stored = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == document);
            Assert.Equal(("s1-ORDER-2026-0007", 7, "CASE-7"), (stored.RegistryNumber, stored.Sequence, stored.CaseReference));
            Assert.Equal([1, 2, 3], stored.Content);
            var counter = await db.NumberCounters.AsNoTracking().SingleAsync(c => c.OrganisationCode == "s1");
            Assert.Equal(7, counter.LastSequence);
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'documents' AND c.relkind = 'i' AND c.relname <> lower(c.relname)
            UNION ALL
            SELECT k.conname FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE n.nspname = 'documents' AND k.conname <> lower(k.conname)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var upperCase = new List<string>();
        while (await reader.ReadAsync())
        {
            upperCase.Add(reader.GetString(0));
        }

        Assert.Empty(upperCase);
    }
}
