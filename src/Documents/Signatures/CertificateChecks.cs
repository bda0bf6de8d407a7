using Qadam.Identifiers;
using System.Security.Cryptography.X509Certificates;

namespace Qadam.Documents.Signatures;

/// <summary>The certificate checks shared by CMS and Office package signatures.</summary>
internal static class CertificateChecks
{
    public static (bool ChainTrusted, bool ValidAtSigningTime, bool KeyUsageAllowed) Check(
        X509Certificate2 certificate, X509Certificate2Collection extraCertificates, SignatureTrust trust,
        DateTimeOffset signingTime, List<string> problems, IReadOnlyList<ISignatureAlgorithmVerifier>? algorithms = null)
    {
        var validAt = signingTime.UtcDateTime >= certificate.NotBefore.ToUniversalTime()
                      && signingTime.UtcDateTime <= certificate.NotAfter.ToUniversalTime();
        if (signingTime.UtcDateTime < certificate.NotBefore.ToUniversalTime())
        {
            problems.Add($"The certificate was not yet valid at the signing time {signingTime:u} (valid from {certificate.NotBefore.ToUniversalTime():u}).");
        }
        else if (signingTime.UtcDateTime > certificate.NotAfter.ToUniversalTime())
        {
            problems.Add($"The certificate had expired at the signing time {signingTime:u} (valid until {certificate.NotAfter.ToUniversalTime():u}).");
        }

        bool chainTrusted;
        if (algorithms is not null && algorithms.Any(a => a.CanVerify(certificate.SignatureAlgorithm.Value ?? string.Empty)))
        {
            var pathProblems = CertificatePath.Check(
                certificate, WithIntermediates(extraCertificates, trust), trust, signingTime, algorithms);
            chainTrusted = pathProblems.Count == 0;
            if (!chainTrusted)
            {
                problems.Add("The certificate does not chain to a trusted root: " + string.Join(" ", pathProblems));
            }
        }
        else
        {
            chainTrusted = CheckChain(certificate, extraCertificates, trust, signingTime, problems);
        }

        var keyUsage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        var keyUsageAllowed = keyUsage is not null
                              && (keyUsage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;
        if (!keyUsageAllowed)
        {
            problems.Add(keyUsage is null
                ? "The certificate has no key usage extension, so it is not a signing certificate."
                : $"The certificate's key usage ({keyUsage.KeyUsages}) does not allow signing documents.");
        }

        return (chainTrusted, validAt, keyUsageAllowed);
    }

    private static bool CheckChain(
        X509Certificate2 certificate, X509Certificate2Collection extraCertificates, SignatureTrust trust,
        DateTimeOffset signingTime, List<string> problems)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust.Roots);
        chain.ChainPolicy.ExtraStore.AddRange(WithIntermediates(extraCertificates, trust));
        // Offline by design: the demo PKI publishes no CRL or OCSP. A production deployment
        // checks revocation against NCA RK's OCSP at acceptance time (RFC 6960); here the chain,
        // validity and key usage are checked, and revocation is reported as not done).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = signingTime.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.Build(certificate);
        // Time validity is reported above in words; the chain check is about trust.
        var chainProblems = chain.ChainStatus
            .Where(s => s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.NotTimeValid)
            .Select(s => s.StatusInformation.Trim())
            .ToList();
        // The signer's own validity is reported above in words; an issuer's is a chain problem.
        chainProblems.AddRange(chain.ChainElements.Skip(1)
            .Where(e => e.ChainElementStatus.Any(s => s.Status == X509ChainStatusFlags.NotTimeValid))
            .Select(e => $"The issuing certificate '{e.Certificate.Subject}' was not valid at the signing time."));
        var trusted = chainProblems.Count == 0 && chain.ChainElements.Count > 0
                      && trust.Roots.Contains(chain.ChainElements[^1].Certificate);
        if (!trusted)
        {
            problems.Add("The certificate does not chain to a trusted root"
                         + (chainProblems.Count > 0 ? ": " + string.Join(" ", chainProblems) : "."));
        }

        return trusted;
    }

    private static X509Certificate2Collection WithIntermediates(X509Certificate2Collection carried, SignatureTrust trust)
    {
        var all = new X509Certificate2Collection(carried);
        all.AddRange(trust.Intermediates);
        return all;
    }

    public static void CheckIdentity(SignerIdentity identity, List<string> problems)
    {
        if (identity.Iin is not null && !Iin.HasValidCheckDigit(identity.Iin))
        {
            problems.Add($"The IIN '{identity.Iin}' in the certificate is not a valid IIN (check digit).");
        }

        if (identity.Bin is not null && !Iin.HasValidCheckDigit(identity.Bin))
        {
            problems.Add($"The BIN '{identity.Bin}' in the certificate is not a valid BIN (check digit).");
        }
    }
}
