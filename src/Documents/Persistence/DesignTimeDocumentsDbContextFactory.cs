using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Qadam.Documents.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the context without a host. Reads the connection
/// string from <c>QADAM_DOCUMENTS_DB</c>, else <c>ConnectionStrings__Qadam</c> (the output of
/// <c>scripts/local-postgres</c> works); adding a migration does not connect at all.
/// </summary>
public sealed class DesignTimeDocumentsDbContextFactory : IDesignTimeDbContextFactory<DocumentsDbContext>
{
    /// <inheritdoc />
    public DocumentsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("QADAM_DOCUMENTS_DB")
                               ?? Environment.GetEnvironmentVariable("ConnectionStrings__Qadam")
                               ?? "Host=127.0.0.1;Database=qadam;Username=qadam";
        var builder = new DbContextOptionsBuilder<DocumentsDbContext>();
        builder.UseDocumentsNpgsql(connectionString);
        return new DocumentsDbContext(builder.Options);
    }
}
