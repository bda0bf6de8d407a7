using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;

namespace Qadam.Documents.Signatures.Gost;

/// <summary>
/// The object identifiers of the GOST algorithms NCA RK keys use, in the Kazakh arc 1.2.398.3.10 as KalkanCrypt names them
/// (https://github.com/pkigovkz/sdkinfo/wiki/Kalkancrypt), and the TC26 identifiers BouncyCastle writes for the same
/// GOST R 34.10-2012 algorithms (RFC 9215), mapped to digests and curves (docs/domain-facts.md).
/// </summary>
internal static class GostAlgorithms
{
    // Signature algorithms (signatureAlgorithm of a SignerInfo or a certificate).
    public const string Gost2004Signature = "1.2.398.3.10.1.1.1.2";
    public const string Gost2015Signature256 = "1.2.398.3.10.1.1.2.3.1";
    public const string Gost2015Signature512 = "1.2.398.3.10.1.1.2.3.2";
    public const string Tc26Signature256 = "1.2.643.7.1.1.3.2";
    public const string Tc26Signature512 = "1.2.643.7.1.1.3.3";

    // Public key algorithms: a CMS SignerInfo may name the key algorithm where it means the signature algorithm (RFC 5652 §10.1.2).
    public const string Gost2004Key = "1.2.398.3.10.1.1.1.1";
    public const string Gost2015Key256 = "1.2.398.3.10.1.1.2.1";
    public const string Gost2015Key512 = "1.2.398.3.10.1.1.2.2";
    public const string Tc26Key256 = "1.2.643.7.1.1.1.1";
    public const string Tc26Key512 = "1.2.643.7.1.1.1.2";

    // Digests.
    public const string Gost34311Digest = "1.2.398.3.10.1.3.1";
    public const string Streebog256Kz = "1.2.398.3.10.1.3.2";
    public const string Streebog512Kz = "1.2.398.3.10.1.3.3";
    public const string Streebog256 = "1.2.643.7.1.1.2.2";
    public const string Streebog512 = "1.2.643.7.1.1.2.3";

    // Curves (the first OID of the key's parameters) in the Kazakh arc, and the curve each denotes: GOST 34.310-2004 keys lie
    // on the curve of GOST R 34.10-2001 parameter set A, GOST R 34.10-2015 keys on the TC26 parameter sets A (RFC 7836).
    private static readonly Dictionary<string, string> KazakhCurves = new(StringComparer.Ordinal)
    {
        ["1.2.398.3.10.1.1.1.1.1"] = "GostR3410-2001-CryptoPro-A",
        ["1.2.398.3.10.1.1.2.1.1"] = "Tc26-Gost-3410-12-256-paramSetA",
        ["1.2.398.3.10.1.1.2.2.1"] = "Tc26-Gost-3410-12-512-paramSetA",
    };

    private static readonly HashSet<string> Signatures = new(StringComparer.Ordinal)
    {
        Gost2004Signature, Gost2015Signature256, Gost2015Signature512, Tc26Signature256, Tc26Signature512,
        Gost2004Key, Gost2015Key256, Gost2015Key512, Tc26Key256, Tc26Key512,
    };

    /// <summary>True for the signature (or key) algorithm OIDs this module verifies.</summary>
    public static bool IsGost(string oid) => Signatures.Contains(oid);

    /// <summary>The digest a signature algorithm implies, for a certificate's signature (which names no digest of its own).</summary>
    public static string? DigestOfSignature(string signatureOid) => signatureOid switch
    {
        Gost2004Signature => Gost34311Digest,
        Gost2015Signature256 or Tc26Signature256 => Streebog256,
        Gost2015Signature512 or Tc26Signature512 => Streebog512,
        _ => null,
    };

    /// <summary>A fresh digest for <paramref name="digestOid"/>, or null when it is not a GOST digest.</summary>
    public static IDigest? CreateDigest(string digestOid) => digestOid switch
    {
        // GOST 34.311-95 is GOST R 34.11-94 with the test substitution box of the standard's annex, which Kazakh
        // implementations use (the CryptoPro box of RFC 4357 is a Russian choice).
        Gost34311Digest => new Gost3411Digest(Gost28147Engine.GetSBox("D-Test")),
        Streebog256Kz or Streebog256 => new Gost3411_2012_256Digest(),
        Streebog512Kz or Streebog512 => new Gost3411_2012_512Digest(),
        _ => null,
    };

    /// <summary>The curve named by <paramref name="curveOid"/>, in the Kazakh arc or among BouncyCastle's GOST curves.</summary>
    public static X9ECParameters? Curve(string curveOid) =>
        KazakhCurves.TryGetValue(curveOid, out var name)
            ? ECGost3410NamedCurves.GetByName(name)
            : ECGost3410NamedCurves.GetByOid(new Org.BouncyCastle.Asn1.DerObjectIdentifier(curveOid));
}
