using Microsoft.EntityFrameworkCore;
using Qadam.Documents.Registry;
using Qadam.Documents.Signatures;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Persistence;

/// <summary>
/// The documents module's tables, in the PostgreSQL schema <c>documents</c>: templates,
/// registered documents, signatures and number counters. Works on its own connection or inside
/// a caller's transaction (<c>Database.UseTransaction</c>): the registry starts a transaction only
/// when none is active. Apply the schema with <c>Database.MigrateAsync()</c>; configure the
/// provider with <see cref="DocumentsDbContextOptionsExtensions.UseDocumentsNpgsql(DbContextOptionsBuilder, string)"/>
/// so migrations history lives in the same schema.
/// </summary>
public sealed class DocumentsDbContext(DbContextOptions<DocumentsDbContext> options) : DbContext(options)
{
    /// <summary>The schema all tables live in.</summary>
    public const string Schema = "documents";

    /// <summary>Template editions.</summary>
    public DbSet<DocumentTemplate> Templates => Set<DocumentTemplate>();

    /// <summary>Issued documents.</summary>
    public DbSet<RegisteredDocument> Documents => Set<RegisteredDocument>();

    /// <summary>Accepted signatures.</summary>
    public DbSet<DocumentSignature> Signatures => Set<DocumentSignature>();

    /// <summary>Registry number counters.</summary>
    public DbSet<NumberCounter> NumberCounters => Set<NumberCounter>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DocumentsDbContext).Assembly);
    }
}
