using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Pki;

/// <summary>
/// A demonstration PKI, generated at first start outside the repository so that nothing secret is
/// committed: a root CA, an
/// organisation certificate with <c>OU=BIN...</c> and user certificates with
/// <c>SERIALNUMBER=IIN...</c>, shaped like NCA RK's. Kept as PKCS#12 files readable by the
/// owner only, by default in <c>$XDG_STATE_HOME/qadam/pki</c> (<c>~/.local/state/qadam/pki</c>).
/// It stands in for NCA RK in demos and tests and must never be trusted in production.
/// </summary>
public sealed class DemoPki : IDisposable
{
    /// <summary>BIN of the demo organisation (valid check digit).</summary>
    public const string DemoOrganisationBin = "051140001230";

    private const string RootFile = "root.pfx";
    private const string OrganisationFile = "organisation.pfx";
    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly X509Certificate2 _root;

    private DemoPki(string directory, TimeProvider time, X509Certificate2 root, X509Certificate2 organisation)
    {
        _directory = directory;
        _time = time;
        _root = root;
        Organisation = organisation;
        RootCertificate = X509CertificateLoader.LoadCertificate(root.RawData);
    }

    /// <summary><c>$XDG_STATE_HOME/qadam/pki</c>, or <c>~/.local/state/qadam/pki</c>: outside any repository.</summary>
    public static string DefaultDirectory =>
        Path.Combine(
            Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } state
                ? state
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state"),
            "qadam", "pki");

    /// <summary>The root certificate without its key: what a verifier trusts.</summary>
    public X509Certificate2 RootCertificate { get; }

    /// <summary>The demo organisation's signing certificate (RSA, with its key), subject <c>OU=BIN051140001230</c>.</summary>
    public X509Certificate2 Organisation { get; }

    /// <summary>Opens the PKI in <paramref name="directory"/> (default <see cref="DefaultDirectory"/>), creating it on first use.</summary>
    public static DemoPki LoadOrCreate(string? directory = null, TimeProvider? time = null)
    {
        directory ??= DefaultDirectory;
        time ??= TimeProvider.System;
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var now = time.GetUtcNow();
        var root = LoadOrCreate(Path.Combine(directory, RootFile), () => CreateRoot(now));
        var organisation = LoadOrCreate(Path.Combine(directory, OrganisationFile), () => Issue(
            root,
            Subject("Qadam демо мектебі / Демо-школа Qadam", serialNumber: null, bin: DemoOrganisationBin),
            SignerKeyAlgorithm.Rsa, now.AddDays(-1), now.AddYears(3)));
        return new DemoPki(directory, time, root, organisation);
    }

    /// <summary>
    /// The certificate of a person with <paramref name="iin"/> (ECDSA P-256 or RSA, with key),
    /// issued and stored on first request and reused afterwards.
    /// </summary>
    /// <remarks>
    /// With <paramref name="organisationBin"/> the certificate is an official's, signing for the
    /// organisation: its subject carries both the IIN and <c>OU=BIN...</c>, as NCA RK's certificates for
    /// heads of organisations do.
    /// </remarks>
    public X509Certificate2 User(string iin, string fullName, SignerKeyAlgorithm algorithm = SignerKeyAlgorithm.Ecdsa, string? organisationBin = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(iin);
        if (iin.Length != 12 || !iin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{iin}' is not a 12-digit IIN.", nameof(iin));
        }

        var now = _time.GetUtcNow();
        var path = Path.Combine(_directory, "users", $"{iin}{(organisationBin is null ? "" : "-" + organisationBin)}-{algorithm.ToString().ToLowerInvariant()}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return LoadOrCreate(path, () => IssueUser(iin, fullName, algorithm, now.AddDays(-1), now.AddYears(1), organisationBin));
    }

    /// <summary>
    /// Issues a user certificate with the given validity, not stored: for tests and demos of
    /// expired or not-yet-valid certificates.
    /// </summary>
    public X509Certificate2 IssueUser(
        string iin, string fullName, SignerKeyAlgorithm algorithm, DateTimeOffset notBefore, DateTimeOffset notAfter, string? organisationBin = null) =>
        Issue(_root, Subject(fullName, serialNumber: "IIN" + iin, bin: organisationBin), algorithm, notBefore, notAfter);

    /// <inheritdoc />
    public void Dispose()
    {
        _root.Dispose();
        RootCertificate.Dispose();
        Organisation.Dispose();
    }

    private static X509Certificate2 LoadOrCreate(string path, Func<X509Certificate2> create)
    {
        if (File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable);
        }

        using var created = create();
        var bytes = created.Export(X509ContentType.Pkcs12);
        // Written beside and moved, so a crash never leaves half a key file; owner-only, as a key store.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another thread or process made the same certificate first; theirs is kept.
            File.Delete(temporary);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable);
    }

    private static X509Certificate2 CreateRoot(DateTimeOffset now)
    {
        using var key = RSA.Create(3072);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCountryOrRegion("KZ");
        subject.AddOrganizationName("Qadam demo PKI (not NCA RK)");
        subject.AddCommonName("Qadam Demo Root CA");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // Back-dated two years so demos and tests can issue certificates that expired in the past
        // and still chain to this root.
        return request.CreateSelfSigned(now.AddYears(-2), now.AddYears(20));
    }

    private static X509Certificate2 Issue(
        X509Certificate2 issuer, X500DistinguishedName subject, SignerKeyAlgorithm algorithm, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        // The issuer's validity bounds the child's; clamp so tests can ask for any period.
        if (notAfter > issuer.NotAfter)
        {
            notAfter = issuer.NotAfter;
        }

        if (notBefore < issuer.NotBefore)
        {
            notBefore = issuer.NotBefore;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        // The root signs with RSA whatever the subject's key is, hence an explicit generator.
        using var issuerKey = issuer.GetRSAPrivateKey()
                              ?? throw new InvalidOperationException("The demo root has no RSA private key.");
        var generator = X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1);
        if (algorithm == SignerKeyAlgorithm.Rsa)
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            AddSignerExtensions(request, issuer);
            using var certificate = request.Create(issuer.SubjectName, generator, notBefore, notAfter, serial);
            return certificate.CopyWithPrivateKey(rsa);
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ecRequest = new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256);
        AddSignerExtensions(ecRequest, issuer);
        using var ecCertificate = ecRequest.Create(issuer.SubjectName, generator, notBefore, notAfter, serial);
        return ecCertificate.CopyWithPrivateKey(ecdsa);
    }

    private static void AddSignerExtensions(CertificateRequest request, X509Certificate2 issuer)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        // Signing certificates (NCA RK's "RSA/GOST sign" keys) carry digitalSignature and nonRepudiation.
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
    }

    private static X500DistinguishedName Subject(string commonName, string? serialNumber, string? bin)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("KZ");
        if (bin is not null)
        {
            builder.AddOrganizationName(serialNumber is null ? commonName : "Qadam демо мектебі / Демо-школа Qadam");
            builder.AddOrganizationalUnitName("BIN" + bin);
        }

        if (serialNumber is not null)
        {
            builder.Add("2.5.4.5", serialNumber, UniversalTagNumber.PrintableString);
        }

        builder.AddCommonName(commonName);
        return builder.Build();
    }
}
