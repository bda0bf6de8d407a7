using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Qadam.Documents.Persistence;

/// <summary>Configures a <see cref="DocumentsDbContext"/> for PostgreSQL.</summary>
public static class DocumentsDbContextOptionsExtensions
{
    /// <summary>Uses PostgreSQL at <paramref name="connectionString"/>, with migrations history in the <c>documents</c> schema.</summary>
    public static DbContextOptionsBuilder UseDocumentsNpgsql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString, Configure).UseSnakeCaseNamingConvention();

    /// <summary>
    /// Uses an existing connection, e.g. the one the API opened its transaction on; then call
    /// <c>context.Database.UseTransaction(transaction)</c> so the registry joins that transaction.
    /// </summary>
    public static DbContextOptionsBuilder UseDocumentsNpgsql(this DbContextOptionsBuilder builder, DbConnection connection) =>
        builder.UseNpgsql(connection, Configure).UseSnakeCaseNamingConvention();

    // Each module keeps its own history table in its own schema, so the engine's and the
    // documents' migrations never see each other's rows.
    private static void Configure(NpgsqlDbContextOptionsBuilder npgsql) =>
        npgsql.MigrationsHistoryTable("__EFMigrationsHistory", DocumentsDbContext.Schema);
}
