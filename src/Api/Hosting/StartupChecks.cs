using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenIddict.Abstractions;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Documents;
using Qadam.Api.Features.Readiness;
using Qadam.Api.Persistence;
using Qadam.Workflows.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>
/// Checks the database before the server takes requests: the connection string is present and
/// well-formed, PostgreSQL answers, migrations are applied, demo data is seeded when asked.
/// A problem ends start-up with one log line that names it, not a stack trace: an operator reads it.
/// </summary>
internal static partial class StartupChecks
{
    public static async Task<bool> PrepareDatabaseAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Qadam.Startup");
        var connectionString = app.Configuration.GetConnectionString(QadamApplication.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            LogMissingConnectionString(logger, QadamApplication.ConnectionStringName);
            return false;
        }

        var qadam = app.Services.GetRequiredService<IOptions<QadamOptions>>().Value;
        if (!DemoProfileGuard.AllowsStart(app.Environment, qadam, logger)
            || !SignatureTrustGuard.AllowsStart(
                app.Environment, qadam, app.Services.GetRequiredService<ConfiguredSignatureTrust>(), logger))
        {
            return false;
        }

        string where;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            where = $"{parsed.Host}:{parsed.Port}/{parsed.Database} as {parsed.Username}";
        }
        catch (ArgumentException ex)
        {
            LogMalformedConnectionString(logger, QadamApplication.ConnectionStringName, ex.Message);
            return false;
        }

        // Where a start's time goes, in the ready line: an operator restarting a node sees which phase to look at. The first
        // phase is the process's life so far: the runtime, configuration and the host's services built before this method.
        long hostMs;
        using (var self = System.Diagnostics.Process.GetCurrentProcess())
        {
            hostMs = (long)(DateTime.Now - self.StartTime).TotalMilliseconds;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        TimeSpan migrated, seeded;
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
            if (!await DatabaseMigrations.AllShippedAppliedAsync(connectionString, cancellationToken))
            {
                await db.MigrateQuietlyAsync(cancellationToken);
                await scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>().MigrateQuietlyAsync(cancellationToken);
                await DocumentsFeature.MigrateDocumentsAsync(scope.ServiceProvider, cancellationToken);
            }

            migrated = watch.Elapsed;
            var options = scope.ServiceProvider.GetRequiredService<IOptions<QadamOptions>>().Value;
            if (options.Demo)
            {
                await DemoData.SeedAsync(scope.ServiceProvider, options, cancellationToken);
            }

            await DemoAccounts.ApplyProfileAsync(scope.ServiceProvider, options, logger, cancellationToken);
            if (!await DemoProfileGuard.AllowsServingAsync(app.Environment, options, db,
                    scope.ServiceProvider.GetRequiredService<TimeProvider>(), logger, cancellationToken))
            {
                return false;
            }

            await OidcClients.SeedAsync(
                scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>(), options, connectionString, logger, cancellationToken);
            seeded = watch.Elapsed;
            if (WorkflowsFolder.Resolve(options.WorkflowsDirectory, app.Environment.ContentRootPath) is { } workflows)
            {
                var fingerprint = SeedFingerprint.Compute(workflows);
                if (await SeedFingerprint.MatchesAsync(db, fingerprint, cancellationToken))
                {
                    SeedFingerprint.LogSkipped(logger, workflows, fingerprint);
                }
                else
                {
                    await scope.ServiceProvider.GetRequiredService<PathwaySeeder>().SeedAsync(workflows, cancellationToken);
                    await scope.ServiceProvider.GetRequiredService<ReadinessEditionSeeder>().SeedAsync(workflows, cancellationToken);
                    await SeedFingerprint.StoreAsync(db, fingerprint, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
                    SeedFingerprint.LogSeeded(logger, workflows, fingerprint);
                }
            }

            if (options.Demo)
            {
                // After the editions: a demo record is made under the edition in force today.
                await DemoData.SeedReadinessAsync(scope.ServiceProvider, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException
                                       || ex.InnerException is NpgsqlException or SocketException)
        {
            LogDatabaseUnreachable(logger, where, Innermost(ex).Message);
            return false;
        }

        LogDatabaseReady(logger, where, hostMs, (long)migrated.TotalMilliseconds, (long)(seeded - migrated).TotalMilliseconds,
            (long)(watch.Elapsed - seeded).TotalMilliseconds);
        return true;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "No connection string '{Name:l}' is configured: set ConnectionStrings__{Name:l} or start with scripts/run, which provides a local PostgreSQL")]
    private static partial void LogMissingConnectionString(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The connection string '{Name:l}' is malformed: {Problem:l}")]
    private static partial void LogMalformedConnectionString(ILogger logger, string name, string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Cannot use PostgreSQL at {Where:l}: {Problem:l}")]
    private static partial void LogDatabaseUnreachable(ILogger logger, string where, string problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "PostgreSQL at {Where:l} is ready; host built ({HostMs} ms after the process started), migrations applied ({MigrationsMs} ms), accounts and clients ({AccountsMs} ms), pathways, templates and editions ({PathwaysMs} ms)")]
    private static partial void LogDatabaseReady(ILogger logger, string where, long hostMs, long migrationsMs, long accountsMs, long pathwaysMs);
}
