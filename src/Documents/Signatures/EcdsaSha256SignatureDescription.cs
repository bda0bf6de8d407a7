using System.Security.Cryptography;

namespace Qadam.Documents.Signatures;

/// <summary>
/// ECDSA-SHA256 for <see cref="System.Security.Cryptography.Xml.SignedXml"/>, which knows RSA and
/// DSA only. XML-DSig (RFC 4050/6931) writes the ECDSA signature as r||s, the IEEE P1363 form
/// .NET's <see cref="ECDsa.SignHash(byte[])"/> produces, so no conversion is needed.
/// Public only because <see cref="CryptoConfig"/> accepts public types; registered by
/// <see cref="OfficePackageSignature"/> itself.
/// </summary>
public sealed class EcdsaSha256SignatureDescription : SignatureDescription
{
    /// <summary>The XML-DSig algorithm URI.</summary>
    public const string Url = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

    private static readonly Lazy<bool> Registration = new(() =>
    {
        CryptoConfig.AddAlgorithm(typeof(EcdsaSha256SignatureDescription), Url);
        return true;
    });

    /// <summary>Creates the description (called by <see cref="CryptoConfig"/>).</summary>
    public EcdsaSha256SignatureDescription()
    {
        KeyAlgorithm = typeof(ECDsa).AssemblyQualifiedName;
        DigestAlgorithm = typeof(SHA256).AssemblyQualifiedName;
    }

    internal static void EnsureRegistered() => _ = Registration.Value;

    /// <inheritdoc />
    public override HashAlgorithm CreateDigest() => SHA256.Create();

    /// <inheritdoc />
    public override AsymmetricSignatureFormatter CreateFormatter(AsymmetricAlgorithm key) => new Formatter((ECDsa)key);

    /// <inheritdoc />
    public override AsymmetricSignatureDeformatter CreateDeformatter(AsymmetricAlgorithm key) => new Deformatter((ECDsa)key);

    private sealed class Formatter(ECDsa key) : AsymmetricSignatureFormatter
    {
        private ECDsa _key = key;

        public override void SetKey(AsymmetricAlgorithm key) => _key = (ECDsa)key;

        public override void SetHashAlgorithm(string strName)
        {
        }

        public override byte[] CreateSignature(byte[] rgbHash) => _key.SignHash(rgbHash);
    }

    private sealed class Deformatter(ECDsa key) : AsymmetricSignatureDeformatter
    {
        private ECDsa _key = key;

        public override void SetKey(AsymmetricAlgorithm key) => _key = (ECDsa)key;

        public override void SetHashAlgorithm(string strName)
        {
        }

        public override bool VerifySignature(byte[] rgbHash, byte[] rgbSignature) => _key.VerifyHash(rgbHash, rgbSignature);
    }
}
