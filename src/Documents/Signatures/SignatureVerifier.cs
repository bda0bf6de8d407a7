using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>
/// Verifies signatures against configured trust roots: detached CMS (RFC 5652)
/// over the registered bytes, and Office digital signatures embedded in a package. Each
/// signature gets a <see cref="SignatureReport"/>; any changed byte, an unknown root, or a
/// certificate expired or not yet valid at the signing time makes it invalid.
/// </summary>
public sealed class SignatureVerifier
{
    private readonly SignatureTrust _trust;
    private readonly IReadOnlyList<ISignatureAlgorithmVerifier> _algorithms;

    /// <summary>Verifies against <paramref name="trust"/>; <paramref name="algorithms"/> add algorithms .NET lacks (GOST).</summary>
    public SignatureVerifier(SignatureTrust trust, IEnumerable<ISignatureAlgorithmVerifier>? algorithms = null)
    {
        _trust = trust ?? throw new ArgumentNullException(nameof(trust));
        _algorithms = algorithms?.ToList() ?? [];
    }

    /// <summary>The trust configuration in use.</summary>
    public SignatureTrust Trust => _trust;

    /// <summary>
    /// Verifies a detached CMS over <paramref name="content"/>; one report per signer in the CMS.
    /// With <paramref name="acceptedAt"/> (when a client hands a signature in), the certificate must
    /// also be valid then and the claimed signing time must lie within the allowed clock skew of
    /// it, so a client cannot back-date a signature into an expired certificate's lifetime.
    /// </summary>
    public IReadOnlyList<SignatureReport> VerifyCms(ReadOnlySpan<byte> content, ReadOnlySpan<byte> cms, DateTimeOffset? acceptedAt = null)
    {
        var signedCms = new SignedCms(new ContentInfo(content.ToArray()), detached: true);
        try
        {
            signedCms.Decode(cms);
        }
        catch (CryptographicException ex)
        {
            return [Failed("The signature is not a readable CMS (PKCS#7) message: " + ex.Message)];
        }

        if (signedCms.SignerInfos.Count == 0)
        {
            return [Failed("The CMS message contains no signer.")];
        }

        var reports = new List<SignatureReport>();
        foreach (var signer in signedCms.SignerInfos)
        {
            reports.Add(VerifySigner(signedCms, signer, content, acceptedAt));
        }

        return reports;
    }

    /// <summary>Verifies every Office digital signature embedded in <paramref name="package"/> (a DOCX).</summary>
    public IReadOnlyList<SignatureReport> VerifyPackage(ReadOnlySpan<byte> package)
    {
        var found = OfficePackageSignature.Read(package.ToArray());
        return found.Select(f => f.Certificate is null
                ? Failed(string.Join(" ", f.Problems))
                : Report(f.Certificate, f.ExtraCertificates, f.SigningTime, f.Problems, f.SignatureValid, acceptedAt: null))
            .ToList();
    }

    private SignatureReport VerifySigner(SignedCms cms, SignerInfo signer, ReadOnlySpan<byte> content, DateTimeOffset? acceptedAt)
    {
        var problems = new List<string>();
        var certificate = signer.Certificate;
        if (certificate is null)
        {
            return Failed("The CMS does not carry the signer's certificate, so the signer cannot be identified.");
        }

        var signatureValid = CheckSignatureValue(signer, certificate, content, problems);
        DateTimeOffset? signingTime = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .OfType<Pkcs9SigningTime>()
            .Select(t => (DateTimeOffset?)new DateTimeOffset(DateTime.SpecifyKind(t.SigningTime, DateTimeKind.Utc)))
            .FirstOrDefault();
        return Report(certificate, cms.Certificates, signingTime, problems, signatureValid, acceptedAt);
    }

    private bool CheckSignatureValue(SignerInfo signer, X509Certificate2 certificate, ReadOnlySpan<byte> content, List<string> problems)
    {
        var algorithm = signer.SignatureAlgorithm.Value ?? string.Empty;
        var plugin = _algorithms.FirstOrDefault(a => a.CanVerify(algorithm));
        if (plugin is not null)
        {
            if (plugin.VerifySignature(signer, certificate, content))
            {
                return true;
            }

            problems.Add("The signature does not match the document's bytes: the document was changed, or the signature was not made over it.");
            return false;
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
            return true;
        }
        catch (CryptographicException ex) when (IsUnsupportedAlgorithm(certificate))
        {
            problems.Add($"The signature algorithm {algorithm} ({signer.SignatureAlgorithm.FriendlyName}) is not supported: "
                         + "register an ISignatureAlgorithmVerifier for it (GOST). " + ex.Message);
            return false;
        }
        catch (CryptographicException)
        {
            problems.Add("The signature does not match the document's bytes: the document was changed, or the signature was not made over it.");
            return false;
        }
    }

    private static bool IsUnsupportedAlgorithm(X509Certificate2 certificate) =>
        certificate.GetRSAPublicKey() is null && certificate.GetECDsaPublicKey() is null;

    private SignatureReport Report(
        X509Certificate2 certificate, X509Certificate2Collection extra, DateTimeOffset? signingTime,
        List<string> problems, bool signatureValid, DateTimeOffset? acceptedAt)
    {
        var identity = SignerIdentity.From(certificate);
        CertificateChecks.CheckIdentity(identity, problems);
        if (signingTime is null)
        {
            problems.Add("The signature has no signing time, so the certificate's validity at signing cannot be checked.");
        }

        var at = signingTime ?? acceptedAt ?? DateTimeOffset.UtcNow;
        var (chainTrusted, validAt, keyUsage) = CertificateChecks.Check(certificate, extra, _trust, at, problems, _algorithms);
        if (acceptedAt is { } now)
        {
            if (signingTime is { } claimed && (claimed - now).Duration() > _trust.AllowedClockSkew)
            {
                problems.Add($"The signing time {claimed:u} is more than {_trust.AllowedClockSkew.TotalMinutes:0} minutes away from the server's clock ({now:u}).");
            }

            if (now.UtcDateTime > certificate.NotAfter.ToUniversalTime() || now.UtcDateTime < certificate.NotBefore.ToUniversalTime())
            {
                problems.Add($"The certificate is not valid now ({now:u}): valid {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}.");
                validAt = false;
            }
        }

        return new SignatureReport(
            identity.Subject, identity.Iin, identity.Bin, certificate.Thumbprint, signingTime,
            signatureValid, chainTrusted, validAt, keyUsage, problems.Distinct(StringComparer.Ordinal).ToList());
    }

    private static SignatureReport Failed(string problem) =>
        new(string.Empty, null, null, string.Empty, null, false, false, false, false, [problem]);
}
