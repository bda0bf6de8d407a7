using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.CryptoPro;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>One GOST algorithm family as a certificate names it: key, curve, digest and signature OIDs.</summary>
public sealed record GostProfile(string Name, string KeyOid, string CurveName, string CurveOid, string DigestOid, string SignatureOid)
{
    // The Kazakh arc (https://github.com/pkigovkz/sdkinfo/wiki/Kalkancrypt), as NCA RK certificates carry it.
    public static readonly GostProfile Kz2004 = new("GOST 34.310-2004", "1.2.398.3.10.1.1.1.1", "GostR3410-2001-CryptoPro-A",
        "1.2.398.3.10.1.1.1.1.1", "1.2.398.3.10.1.3.1", "1.2.398.3.10.1.1.1.2");

    public static readonly GostProfile Kz2015_256 = new("GOST R 34.10-2015 256", "1.2.398.3.10.1.1.2.1", "Tc26-Gost-3410-12-256-paramSetA",
        "1.2.398.3.10.1.1.2.1.1", "1.2.398.3.10.1.3.2", "1.2.398.3.10.1.1.2.3.1");

    public static readonly GostProfile Kz2015_512 = new("GOST R 34.10-2015 512", "1.2.398.3.10.1.1.2.2", "Tc26-Gost-3410-12-512-paramSetA",
        "1.2.398.3.10.1.1.2.2.1", "1.2.398.3.10.1.3.3", "1.2.398.3.10.1.1.2.3.2");

    // The TC26 arc (RFC 9215), as BouncyCastle names the same algorithms.
    public static readonly GostProfile Tc26_256 = new("TC26 256", "1.2.643.7.1.1.1.1", "Tc26-Gost-3410-12-256-paramSetA",
        "1.2.643.7.1.2.1.1.1", "1.2.643.7.1.1.2.2", "1.2.643.7.1.1.3.2");

    public static readonly GostProfile Tc26_512 = new("TC26 512", "1.2.643.7.1.1.1.2", "Tc26-Gost-3410-12-512-paramSetA",
        "1.2.643.7.1.2.1.2.1", "1.2.643.7.1.1.2.3", "1.2.643.7.1.1.3.3");

    public IDigest NewDigest() => DigestOid switch
    {
        "1.2.398.3.10.1.3.1" => new Gost3411Digest(Gost28147Engine.GetSBox("D-Test")),
        "1.2.398.3.10.1.3.2" or "1.2.643.7.1.1.2.2" => new Gost3411_2012_256Digest(),
        _ => new Gost3411_2012_512Digest(),
    };

    public override string ToString() => Name;
}

/// <summary>A GOST key and its certificate, made with BouncyCastle.</summary>
public sealed record GostCredential(ECPrivateKeyParameters PrivateKey, BcCertificate Certificate, GostProfile Profile)
{
    public System.Security.Cryptography.X509Certificates.X509Certificate2 DotNetCertificate =>
        System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Certificate.GetEncoded());
}

/// <summary>
/// A GOST certification authority made in the test with BouncyCastle, the way NCA RK's are shaped: a self-signed root, and
/// user certificates with <c>SERIALNUMBER=IIN...</c>, keys written x ‖ y little-endian (RFC 4491 §2.3.2), signatures s ‖ r.
/// </summary>
public static class GostTestPki
{
    private static readonly SecureRandom Random = new();

    public static GostCredential Root(GostProfile profile, string name = "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST) TEST")
    {
        var key = NewKey(profile);
        var subject = new X509Name($"CN={name}, C=KZ");
        var certificate = Issue(profile, subject, key.Public, subject, key.Private, ca: true, DateTime.UtcNow.AddYears(-1));
        return new GostCredential((ECPrivateKeyParameters)key.Private, certificate, profile);
    }

    public static GostCredential Intermediate(GostCredential root, string name)
    {
        var key = NewKey(root.Profile);
        var certificate = Issue(root.Profile, new X509Name($"CN={name}, C=KZ"), key.Public, root.Certificate.SubjectDN, root.PrivateKey,
            ca: true, DateTime.UtcNow.AddMonths(-6));
        return new GostCredential((ECPrivateKeyParameters)key.Private, certificate, root.Profile);
    }

    public static GostCredential User(GostCredential issuer, string iin, string name, DateTime? notBefore = null)
    {
        var key = NewKey(issuer.Profile);
        var subject = new X509Name($"CN={name}, SERIALNUMBER=IIN{iin}, C=KZ");
        var certificate = Issue(issuer.Profile, subject, key.Public, issuer.Certificate.SubjectDN, issuer.PrivateKey, ca: false,
            notBefore ?? DateTime.UtcNow.AddDays(-1));
        return new GostCredential((ECPrivateKeyParameters)key.Private, certificate, issuer.Profile);
    }

    /// <summary>s ‖ r, each big-endian, over the profile's digest of <paramref name="data"/> (BouncyCastle's GOST signer).</summary>
    public static byte[] Sign(GostCredential signer, byte[] data)
    {
        var gost = new Gost3410DigestSigner(new ECGost3410Signer(), signer.Profile.NewDigest());
        gost.Init(true, new ParametersWithRandom(signer.PrivateKey, Random));
        gost.BlockUpdate(data, 0, data.Length);
        return gost.GenerateSignature();
    }

    private static AsymmetricCipherKeyPair NewKey(GostProfile profile)
    {
        var generator = new ECKeyPairGenerator("ECGOST3410");
        generator.Init(new ECKeyGenerationParameters(ECGost3410NamedCurves.GetOid(profile.CurveName), Random));
        return generator.GenerateKeyPair();
    }

    private static BcCertificate Issue(
        GostProfile profile, X509Name subject, AsymmetricKeyParameter publicKey, X509Name issuer, AsymmetricKeyParameter issuerKey,
        bool ca, DateTime notBefore)
    {
        var tbs = new V3TbsCertificateGenerator();
        tbs.SetSerialNumber(new DerInteger(BigInteger.ProbablePrime(64, Random)));
        tbs.SetIssuer(issuer);
        tbs.SetSubject(subject);
        tbs.SetStartDate(new Time(notBefore));
        tbs.SetEndDate(new Time(notBefore.AddYears(ca ? 10 : 1)));
        tbs.SetSignature(new AlgorithmIdentifier(new DerObjectIdentifier(profile.SignatureOid)));
        tbs.SetSubjectPublicKeyInfo(PublicKeyInfo(profile, (ECPublicKeyParameters)publicKey));
        var extensions = new X509ExtensionsGenerator();
        extensions.AddExtension(X509Extensions.BasicConstraints, true, new BasicConstraints(ca));
        extensions.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(ca
            ? KeyUsage.KeyCertSign | KeyUsage.CrlSign
            : KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        tbs.SetExtensions(extensions.Generate());
        var tbsCertificate = tbs.GenerateTbsCertificate();
        var signature = Sign(new GostCredential((ECPrivateKeyParameters)issuerKey, null!, profile), tbsCertificate.GetDerEncoded());
        var certificate = new DerSequence(tbsCertificate, new AlgorithmIdentifier(new DerObjectIdentifier(profile.SignatureOid)),
            new DerBitString(signature));
        return new BcCertificate(X509CertificateStructure.GetInstance(certificate));
    }

    private static SubjectPublicKeyInfo PublicKeyInfo(GostProfile profile, ECPublicKeyParameters key)
    {
        var q = key.Q.Normalize();
        var size = (key.Parameters.Curve.FieldSize + 7) / 8;
        var x = q.AffineXCoord.ToBigInteger().ToByteArrayUnsigned();
        var y = q.AffineYCoord.ToBigInteger().ToByteArrayUnsigned();
        var raw = new byte[2 * size];
        // x ‖ y, each little-endian.
        Array.Copy(x.Reverse().ToArray(), 0, raw, 0, x.Length);
        Array.Copy(y.Reverse().ToArray(), 0, raw, size, y.Length);
        var parameters = new DerSequence(new DerObjectIdentifier(profile.CurveOid), new DerObjectIdentifier(profile.DigestOid));
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(new DerObjectIdentifier(profile.KeyOid), parameters),
            new DerOctetString(raw).GetEncoded());
    }
}
