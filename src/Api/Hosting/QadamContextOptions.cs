using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Qadam.Api.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>
/// The options of the scope's <see cref="QadamDbContext"/>, built once for the primary and once for the replica
/// (<see cref="ReadReplica"/>) instead of for every request: with <c>AddDbContext</c> each request ran the configuration,
/// copied the options in <c>OnConfiguring</c> and EF looked its service provider up by them again (about a twentieth of a
/// parent's read, bench/Http/README.md, "Contexts per request"). EF's warnings go to the host's log as with AddDbContext,
/// and a context reaches the host's singletons (CallerScope asks it for the OrganisationTree): the root provider, never a scope's.
/// Pooling every request's context (PooledDbContextFactory) was tried: a pooled context's connection outlived the transaction a
/// handler had committed, and the documents' context sharing it then failed on the completed transaction. The endpoints that
/// only read (marked <see cref="ReadReplica.ReadsFromReplica{TBuilder}"/>: the parents' tracker and notifications, the
/// dashboards) open no transaction, so their contexts are leased from a pool (<see cref="Lease"/>): building a context for
/// each of them, EF's services for it, was two fifths of what a parent's read allocated (bench/Http/README.md, "Session 13").
/// </summary>
internal sealed class QadamContextOptions(IConfiguration configuration, ILoggerFactory loggers, IServiceProvider application)
{
    // Contexts kept for the reads. 128 allocated no less per read than 32 (52 against 54 KB per parent's read) and peaked no
    // lower (570 against 566 MB under the HTTP benchmark, session 13): a lease is short, so few are out at once.
    private const int ReadPoolSize = 32;

    private readonly Lazy<DbContextOptions<QadamDbContext>> primary =
        new(() => Build(configuration.GetConnectionString(QadamApplication.ConnectionStringName), loggers, application));

    private readonly Lazy<DbContextOptions<QadamDbContext>> replica =
        new(() => Build(configuration.GetConnectionString(ReadReplica.ConnectionStringName), loggers, application));

    private PooledDbContextFactory<QadamDbContext>? primaryReads;

    private PooledDbContextFactory<QadamDbContext>? replicaReads;

    /// <summary>A context of its own on the primary: a command's, whose transaction ends with it.</summary>
    public QadamDbContext Create() => new(primary.Value);

    /// <summary>
    /// A context for a handler that only reads, on the replica when <paramref name="fromReplica"/>, else on the primary: leased
    /// from a pool, and back in it when the request's scope disposes it (its tracked entities forgotten, its connection closed).
    /// </summary>
    public QadamDbContext Lease(bool fromReplica) => fromReplica
        ? LazyInitializer.EnsureInitialized(ref replicaReads, () => new(replica.Value, ReadPoolSize)).CreateDbContext()
        : LazyInitializer.EnsureInitialized(ref primaryReads, () => new(primary.Value, ReadPoolSize)).CreateDbContext();

    private static DbContextOptions<QadamDbContext> Build(string? connectionString, ILoggerFactory loggers, IServiceProvider application) =>
        new DbContextOptionsBuilder<QadamDbContext>()
            // The history table is named with its schema: unqualified, it resolves through the search_path ("$user", public),
            // and with a role called qadam the second start found an empty qadam.__EFMigrationsHistory and re-ran every
            // migration. public is where the first start has always put it.
            .UseNpgsql(PreparedStatements.Apply(connectionString), npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", "public"))
            // The compiled model (Persistence/CompiledModels, scripts/ef-compiled-models) spares a start building the model from
            // OnModelCreating on the first query: https://learn.microsoft.com/ef/core/performance/advanced-performance-topics#compiled-models
            .UseModel(Persistence.CompiledModels.QadamDbContextModel.Instance)
            .UseSnakeCaseNamingConvention()
            .UseLoggerFactory(loggers)
            .UseApplicationServiceProvider(application)
            .Options;
}
