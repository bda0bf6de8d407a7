using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// The certificates verification trusts as roots (in production the NCA RK root certificates;
/// in the demo the root made by <see cref="Pki.DemoPki"/>), and how much clock difference is
/// tolerated between a client's claimed signing time and the server's clock.
/// </summary>
public sealed class SignatureTrust
{
    /// <summary>Trusts <paramref name="roots"/>.</summary>
    public SignatureTrust(IEnumerable<X509Certificate2> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        Roots = new X509Certificate2Collection(roots.ToArray());
        if (Roots.Count == 0)
        {
            throw new ArgumentException("At least one trust root is needed to verify signatures.", nameof(roots));
        }
    }

    /// <summary>Trusted root certificates.</summary>
    public X509Certificate2Collection Roots { get; }

    /// <summary>
    /// Issuing CA certificates (NCA RK's intermediates) used to build a path when a signature does not carry them; never
    /// trusted by themselves, only as links that chain to one of <see cref="Roots"/>.
    /// </summary>
    public X509Certificate2Collection Intermediates { get; init; } = [];

    /// <summary>Accepted difference between a client's signing time and the server clock; 5 minutes by default.</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(5);
}
