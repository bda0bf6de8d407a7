using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Qadam.Api.Persistence;
using Qadam.Documents.Persistence;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>Applies a context's migrations at start-up.</summary>
internal static class DatabaseMigrations
{
    /// <summary>
    /// Creates the context's history table first (EF's own script, a no-op when it exists), then migrates: on an
    /// empty database EF would otherwise read a history table that is not there yet and log that failed query as
    /// an error, which a newcomer's first start should not show. When every migration this build ships is applied
    /// already (every restart after the first), one query says so and EF's migrator is not started: it would take its
    /// lock and compare the model with the snapshot (the whole design-time model built and diffed), which a node's
    /// restart pays in JIT and CPU for nothing.
    /// </summary>
    public static async Task MigrateQuietlyAsync(this DbContext context, CancellationToken cancellationToken)
    {
        var history = context.GetService<IHistoryRepository>();
        await context.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        if (context.Database.GetMigrations().All(applied.Contains))
        {
            return;
        }

        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The three contexts' history tables, as their <c>MigrationsHistoryTable</c> options name them.</summary>
    private static readonly (Type Context, string History)[] Histories =
    [
        (typeof(QadamDbContext), "public.\"__EFMigrationsHistory\""),
        (typeof(WorkflowsDbContext), $"{WorkflowsDbContext.Schema}.__migrations"),
        (typeof(DocumentsDbContext), $"{DocumentsDbContext.Schema}.\"__EFMigrationsHistory\""),
    ];

    /// <summary>
    /// Whether every migration this build ships, for all three contexts, is in the database: one query over the three
    /// history tables, and the migrations found by their attributes, without starting EF Core for any context. A restart
    /// then skips <see cref="MigrateQuietlyAsync"/>, whose first use of each context builds EF's internal services for it
    /// (a third of a ReadyToRun restart's CPU before the ready line, bench/Http/README.md "Cold start"); the workflows and
    /// documents contexts pay that at their first use instead. False on any doubt (a table missing: a first start).
    /// </summary>
    public static async Task<bool> AllShippedAppliedAsync(string connectionString, CancellationToken cancellationToken)
    {
        var sql = string.Join(" UNION ALL ", Histories.Select((h, i) =>
            $"SELECT {i} AS context, migration_id FROM {h.History}"));
        var applied = Histories.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied[reader.GetInt32(0)].Add(reader.GetString(1));
            }
        }
        catch (PostgresException)
        {
            // A history table not there yet (undefined_table): the first start, which EF's migrator handles.
            return false;
        }

        return Histories.Select((h, i) => Shipped(h.Context).All(applied[i].Contains)).All(all => all);
    }

    private static IEnumerable<string> Shipped(Type context) =>
        context.Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>();
}
