using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
}
