using Npgsql;
using Qadam.Api.Hosting;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// A restart skips EF's migrators only when every migration of all three contexts is in the database; one missing, or a
/// database never migrated, sends the start through the migrators.
/// </summary>
public sealed class DatabaseMigrationsTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string DocumentsHistory = "documents.\"__EFMigrationsHistory\"";

    [Fact]
    public async Task Every_shipped_migration_applied_is_told_apart_from_one_missing_and_from_an_empty_database()
    {
        _ = api.Server;
        Assert.True(await DatabaseMigrations.AllShippedAppliedAsync(api.ConnectionString, CancellationToken.None));

        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        string latest;
        await using (var read = new NpgsqlCommand($"SELECT max(migration_id) FROM {DocumentsHistory}", connection))
        {
            latest = (string)(await read.ExecuteScalarAsync())!;
        }

        await using (var remove = new NpgsqlCommand($"DELETE FROM {DocumentsHistory} WHERE migration_id = @id", connection))
        {
            remove.Parameters.AddWithValue("id", latest);
            Assert.Equal(1, await remove.ExecuteNonQueryAsync());
        }

        try
        {
            Assert.False(await DatabaseMigrations.AllShippedAppliedAsync(api.ConnectionString, CancellationToken.None));
        }
        finally
        {
            await using var restore = new NpgsqlCommand(
                $"INSERT INTO {DocumentsHistory} (migration_id, product_version) VALUES (@id, '10.0.0')", connection);
            restore.Parameters.AddWithValue("id", latest);
            await restore.ExecuteNonQueryAsync();
        }

        var empty = new NpgsqlConnectionStringBuilder(api.ConnectionString) { Database = "postgres" }.ConnectionString;
        Assert.False(await DatabaseMigrations.AllShippedAppliedAsync(empty, CancellationToken.None));
    }
}
