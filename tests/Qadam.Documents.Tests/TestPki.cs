using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;

namespace Qadam.Documents.Tests;

/// <summary>
/// Demo PKIs made once per test run in temporary directories (never in the repository or the
/// user's own state directory), and a second, unrelated one to play the unknown root.
/// </summary>
internal static class TestPki
{
    private static readonly Lazy<DemoPki> Trusted = new(() => Create("trusted"));
    private static readonly Lazy<DemoPki> Foreign = new(() => Create("foreign"));

    public static DemoPki Demo => Trusted.Value;

    public static DemoPki Unknown => Foreign.Value;

    public static SignatureVerifier Verifier() => new(new SignatureTrust([Demo.RootCertificate]));

    // Valid IINs from docs/domain-facts.md (worked examples of the check digit).
    public const string HeadIin = "900615300011";
    public const string SecretaryIin = "061211600012";

    private static DemoPki Create(string name)
    {
        // A test host that is killed skips ProcessExit; its keys are removed by a later run.
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), $"qadam-pki-{name}-*")
                     .Where(d => Directory.GetCreationTimeUtc(d) < DateTime.UtcNow.AddHours(-1)))
        {
            Directory.Delete(stale, recursive: true);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"qadam-pki-{name}-{Guid.NewGuid():N}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        };
        return DemoPki.LoadOrCreate(directory);
    }
}
