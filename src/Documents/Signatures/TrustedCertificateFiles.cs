using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Reads the certificates an organisation trusts from files: each configured path is a certificate file (PEM, possibly
/// with several certificates, or DER: <c>.cer</c>, <c>.crt</c>, <c>.pem</c>, <c>.der</c>) or a directory of them. Self-signed
/// certificates become roots; the others (NCA RK's issuing CAs) intermediates, which count only when they chain to a root.
/// </summary>
public sealed record TrustedCertificateFiles(
    IReadOnlyList<X509Certificate2> Roots, IReadOnlyList<X509Certificate2> Intermediates, IReadOnlyList<string> Problems)
{
    private static readonly string[] Extensions = [".cer", ".crt", ".pem", ".der"];

    /// <summary>
    /// Loads every certificate under <paramref name="paths"/>; a path that is missing or holds no certificate is a problem.
    /// </summary>
    public static TrustedCertificateFiles Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var roots = new List<X509Certificate2>();
        var intermediates = new List<X509Certificate2>();
        var problems = new List<string>();
        foreach (var path in paths.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = Directory.EnumerateFiles(path)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (!files.Any())
                {
                    problems.Add($"The directory '{path}' holds no certificate file ({string.Join(", ", Extensions)}).");
                }
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else
            {
                problems.Add($"The certificate file or directory '{path}' does not exist.");
                continue;
            }

            foreach (var file in files)
            {
                var certificates = Read(file, problems);
                foreach (var certificate in certificates)
                {
                    var selfSigned = certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
                    var target = selfSigned ? roots : intermediates;
                    if (!target.Any(c => c.Thumbprint == certificate.Thumbprint))
                    {
                        target.Add(certificate);
                    }
                }
            }
        }

        return new TrustedCertificateFiles(roots, intermediates, problems);
    }

    private static List<X509Certificate2> Read(string file, List<string> problems)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64)).Contains("-----BEGIN", StringComparison.Ordinal))
            {
                var collection = new X509Certificate2Collection();
                collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
                if (collection.Count == 0)
                {
                    problems.Add($"'{file}' holds no PEM certificate.");
                }

                return [.. collection];
            }

            return [X509CertificateLoader.LoadCertificate(bytes)];
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"'{file}' is not a readable certificate: {ex.Message}");
            return [];
        }
    }
}
