using Qadam.Api.Hosting;
using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;

namespace Qadam.Api.Features.Documents;

/// <summary>
/// The trust the host verifies signatures against: the roots configured in <c>Qadam:Signatures:TrustedRoots</c>, and the
/// demo CA when the Demo profile is on or nothing is configured. What start-up must refuse is kept in
/// <see cref="Problems"/> and <see cref="TrustsDemoRoot"/> (SignatureTrustGuard), since it is built before logging is.
/// </summary>
internal sealed class ConfiguredSignatureTrust
{
    private ConfiguredSignatureTrust(SignatureTrust trust, IReadOnlyList<string> problems, bool trustsDemoRoot)
    {
        Trust = trust;
        Problems = problems;
        TrustsDemoRoot = trustsDemoRoot;
    }

    public SignatureTrust Trust { get; }

    /// <summary>Configured paths that are missing or hold no certificate.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>True when the demo CA, whose keys lie in the state directory, is among the roots.</summary>
    public bool TrustsDemoRoot { get; }

    public static ConfiguredSignatureTrust Build(QadamOptions options, DemoPki pki)
    {
        var files = TrustedCertificateFiles.Load(options.Signatures.TrustedRoots);
        var roots = files.Roots.ToList();
        if (options.Demo || roots.Count == 0)
        {
            roots.Add(pki.RootCertificate);
        }

        var trustsDemoRoot = roots.Any(r => r.Thumbprint == pki.RootCertificate.Thumbprint);
        var trust = new SignatureTrust(roots) { Intermediates = [.. files.Intermediates] };
        return new ConfiguredSignatureTrust(trust, files.Problems, trustsDemoRoot);
    }
}
