using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Api.Tests.Hosting;

/// <summary>A self-signed root certificate written as PEM to a temporary file, standing in for an NCA RK root an operator installs.</summary>
internal static class TrustedRootFile
{
    public static string Create(string name = "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST)")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, C=KZ", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var directory = Directory.CreateTempSubdirectory("qadam-trusted-roots-").FullName;
        var path = Path.Combine(directory, "root_test.pem");
        File.WriteAllText(path, root.ExportCertificatePem());
        return path;
    }
}
