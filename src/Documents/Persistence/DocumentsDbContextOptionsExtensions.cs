using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Qadam.Documents.Persistence.CompiledModels;

namespace Qadam.Documents.Persistence;

/// <summary>
/// Configures a <see cref="DocumentsDbContext"/> for PostgreSQL, with the compiled model (<c>scripts/ef-compiled-models</c>
/// regenerates it) so a process does not build the model on its first query; the design-time tools still build it from
/// <c>OnModelCreating</c> for migrations.
/// </summary>
public static class DocumentsDbContextOptionsExtensions
{
    /// <summary>Uses PostgreSQL at <paramref name="connectionString"/>, with migrations history in the <c>documents</c> schema.</summary>
    public static DbContextOptionsBuilder UseDocumentsNpgsql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, Configure).UseSnakeCaseNamingConvention().UseModel(DocumentsDbContextModel.Instance);

    /// <summary>
    /// Uses an existing connection, e.g. the one the API opened its transaction on; then call
    /// <c>context.Database.UseTransaction(transaction)</c> so the registry joins that transaction.
    /// </summary>
    public static DbContextOptionsBuilder UseDocumentsNpgsql(this DbContextOptionsBuilder builder, DbConnection connection) =>
        builder.UseNpgsql(connection, Configure).UseSnakeCaseNamingConvention().UseModel(DocumentsDbContextModel.Instance);

    /// <summary>
    /// Options with no connection yet, built once for a host that gives each context the connection of its scope with
    /// <c>Database.SetDbConnection</c> (building them for every request was part of each request's cost).
    /// </summary>
    public static DbContextOptions<DocumentsDbContext> OptionsWithoutConnection() =>
        new DbContextOptionsBuilder<DocumentsDbContext>().UseNpgsql(Configure).UseSnakeCaseNamingConvention()
            .UseModel(DocumentsDbContextModel.Instance).Options;

    // Each module keeps its own history table in its own schema, so the engine's and the
    // documents' migrations never see each other's rows.
    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", DocumentsDbContext.Schema);
}
