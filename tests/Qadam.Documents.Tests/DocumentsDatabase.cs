using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Persistence;
using Qadam.Testing;

namespace Qadam.Documents.Tests;

/// <summary>Contexts on a test class's own PostgreSQL database, migrated as the API migrates at start-up.</summary>
internal static class DocumentsDatabase
{
    public static DocumentsDbContext Context(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
        builder.UseDocumentsNpgsql(database.ConnectionString);
        return new DocumentsDbContext(builder.Options);
    }

    public static async Task MigrateAsync(TestDatabase database)
    {
        await using var db = Context(database);
        await db.Database.MigrateAsync();
    }
}
