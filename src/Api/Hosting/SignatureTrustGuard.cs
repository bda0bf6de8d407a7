using Qadam.Api.Features.Documents;

namespace Qadam.Api.Hosting;

/// <summary>
/// Keeps the demo certificate authority out of Production: its root's key lies in the server's state directory, so
/// trusting it would let whoever reads that directory make any "valid" signature. Production starts only with the
/// NCA RK roots configured (README, "Trusting NCA RK"), unless the Demo profile is on; a configured path that is missing
/// or holds no certificate stops start-up in every environment.
/// </summary>
internal static partial class SignatureTrustGuard
{
    public static bool AllowsStart(IHostEnvironment environment, QadamOptions options, ConfiguredSignatureTrust trust, ILogger logger)
    {
        if (trust.Problems.Count > 0)
        {
            LogUnreadable(logger, string.Join(" ", trust.Problems));
            return false;
        }

        if (environment.IsProduction() && trust.TrustsDemoRoot && !options.Demo)
        {
            LogDemoRoot(logger);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to start: Qadam:Signatures:TrustedRoots: {Problems:l}")]
    private static partial void LogUnreadable(ILogger logger, string problems);

    [LoggerMessage(Level = LogLevel.Critical,
        Message = "Refusing to start: signatures would be verified against the demo certificate authority in Production. Set "
                  + "Qadam:Signatures:TrustedRoots to the NCA RK root and issuing certificates (README, \"Trusting NCA RK\"), or turn "
                  + "the Demo profile on for a public demonstration")]
    private static partial void LogDemoRoot(ILogger logger);
}
