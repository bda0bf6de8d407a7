using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Organisations;

namespace Qadam.Api.Persistence;

/// <summary>The API's own tables: organisations, and later users, cases and audit (schema <c>qadam</c>).</summary>
public sealed class QadamDbContext(DbContextOptions<QadamDbContext> options) : DbContext(options)
{
    public const string Schema = "qadam";

    public DbSet<Organisation> Organisations => Set<Organisation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(QadamDbContext).Assembly);
    }
}
