using Microsoft.EntityFrameworkCore;
using Qadam.Api.Features.Identity;
using Qadam.Api.Persistence;

namespace Qadam.Api.Hosting;

/// <summary>
/// Keeps the Demo profile (published passwords, the password grant, development keys, plain HTTP) out of Production:
/// start-up stops unless <c>Qadam:AllowDemoInProduction</c> is true, and then says so at every start in the loudest
/// log level. OWASP ASVS 4.0.3 V2.10.4 and V14.1.1: no default accounts or development settings in production.
/// </summary>
internal static partial class DemoProfileGuard
{
    /// <summary>Before the database is touched: false (after a critical line naming the setting) when the profile may not run.</summary>
    public static bool AllowsStart(IHostEnvironment environment, QadamOptions options, ILogger logger)
    {
        if (!options.Demo || !environment.IsProduction())
        {
            return true;
        }

        if (!options.AllowDemoInProduction)
        {
            LogRefused(logger);
            return false;
        }

        LogOverridden(logger);
        return true;
    }

    /// <summary>After the demo accounts were locked or unlocked: false while Production would serve unlocked demo accounts.</summary>
    public static async Task<bool> AllowsServingAsync(
        IHostEnvironment environment, QadamOptions options, QadamDbContext db, TimeProvider time, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (!environment.IsProduction() || (options.Demo && options.AllowDemoInProduction))
        {
            return true;
        }

        var unlocked = await DemoAccounts.CountUnlockedAsync(db, time.GetUtcNow(), cancellationToken);
        if (unlocked == 0)
        {
            return true;
        }

        LogUnlockedDemoAccounts(logger, unlocked);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Refusing to start: Qadam:Demo is true in Production (demo accounts with the published password 'demo', the password "
                  + "grant, development keys, plain HTTP). Switch Qadam:Demo off, or set Qadam:AllowDemoInProduction=true to run a "
                  + "public demonstration on purpose")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "DEMO PROFILE IN PRODUCTION (Qadam:AllowDemoInProduction=true): anyone may sign in as any demo user with the "
                  + "published password; never hold real students' data in this instance")]
    private static partial void LogOverridden(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Refusing to start: {Count} demo accounts could still sign in. Start once with Qadam:Demo=false to lock them")]
    private static partial void LogUnlockedDemoAccounts(ILogger logger, int count);
}
