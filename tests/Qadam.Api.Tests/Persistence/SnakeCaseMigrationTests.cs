using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Persistence;
using Qadam.Testing;

namespace Qadam.Api.Tests.Persistence;

/// <summary>
/// The <c>qadam</c> schema moved from quoted PascalCase to snake_case names by renaming in place: a database that ran the
/// migrations before keeps its rows, reads them back through the model, and no upper-case column, key or index is left over.
/// </summary>
public sealed class SnakeCaseMigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private const string BeforeSnakeCase = "20261207025403_ColdStart_SeedFingerprint";

    [Fact]
    public async Task Rows_written_under_the_old_names_are_read_back_after_the_rename()
    {
        var organisation = Guid.NewGuid();
        var year = 2026;

        // given a database at the migration before the rename, with an organisation and its case counter under the old names
        await using (var db = Context())
        {
            await MigrateQuietlyAsync(db, BeforeSnakeCase);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO qadam.organisations ("Id", "Code", "Kind", "NameKk", "NameRu", "Bin")
                VALUES ({organisation}, 'snake-s1', 'School', '№ 1 мектеп', 'Школа № 1', '123456789012')
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO qadam.case_counters ("OrganisationId", "Year", "LastSequence") VALUES ({organisation}, {year}, 41)
                """);
        }

        // when the rename runs
        await using (var db = Context())
        {
            await MigrateQuietlyAsync(db, null);
        }

        // then the rows are there under the new names, through the model and through raw SQL alike
        await using (var db = Context())
        {
            var stored = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation);
            Assert.Equal(("snake-s1", OrganisationKind.School, "№ 1 мектеп", "Школа № 1", "123456789012"),
                (stored.Code, stored.Kind, stored.NameKk, stored.NameRu, stored.Bin));
            Assert.Equal(41, await db.Database.SqlQuery<int>($"""
                SELECT last_sequence AS "Value" FROM qadam.case_counters WHERE organisation_id = {organisation} AND year = {year}
                """).SingleAsync());
            // A case is numbered in the transaction that files it.
            await using var filing = await db.Database.BeginTransactionAsync();
            Assert.Equal(42, await Qadam.Api.Features.Cases.CaseCounter.NextAsync(db, organisation, year, default));
            await filing.CommitAsync();
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.Empty(await NamesAsync(connection, """
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'qadam' AND column_name <> lower(column_name)
            """));
        // Identity names its three indexes itself (UserNameIndex, EmailIndex, RoleNameIndex); every other name is EF's, now snake_case.
        Assert.Empty(await NamesAsync(connection, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'qadam' AND c.relkind = 'i' AND c.relname <> lower(c.relname)
              AND c.relname NOT IN ('UserNameIndex', 'EmailIndex', 'RoleNameIndex')
            UNION ALL
            SELECT k.conname FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
            WHERE n.nspname = 'qadam' AND k.conname <> lower(k.conname)
            """));
    }

    private QadamDbContext Context() =>
        new(new DbContextOptionsBuilder<QadamDbContext>()
            .UseNpgsql(database.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", "public"))
            .Options);

    private static async Task MigrateQuietlyAsync(QadamDbContext db, string? target)
    {
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    private static async Task<List<string>> NamesAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
