using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Qadam.Bench.Http;

/// <summary>A user the benchmark acts as: the claims Qadam's token endpoint puts in an access token (TokenPrincipals).</summary>
internal sealed record BenchUser(Guid Id, string UserName, string Role, Guid? OrganisationId, string? OrganisationCode);

/// <summary>
/// Access tokens for thousands of generated users, made before the clock starts. The Production profile has no password
/// grant, and signing 10,000 people in through the sign-in page would measure PBKDF2 rather than the API; the benchmark
/// owns the server's state directory (a scratch one), so it signs, and encrypts where the server does, with the server's
/// own keys, in the shape OpenIddict gives its access tokens (<c>typ at+jwt</c>, RFC 9068). The server validates them as
/// it validates its own: nothing in the server is relaxed for the benchmark.
/// </summary>
internal sealed class AccessTokens(string stateDirectory, Uri issuer, bool encrypted, string? audience)
{
    private readonly SigningCredentials signing = new(Load(stateDirectory, "signing"), SecurityAlgorithms.RsaSha256);

    private readonly EncryptingCredentials? encrypting = encrypted
        ? new EncryptingCredentials(Load(stateDirectory, "encryption"), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512)
        : null;

    private readonly JsonWebTokenHandler handler = new();

    public bool Encrypted => encrypting is not null;

    public string For(BenchUser user)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = user.Id.ToString(),
            ["name"] = user.UserName,
            ["preferred_username"] = user.UserName,
            ["display_name"] = user.UserName,
            ["role"] = user.Role,
            ["scope"] = "profile roles",
            ["client_id"] = "qadam-web",
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (user.OrganisationId is { } organisation)
        {
            claims["org"] = organisation.ToString();
            claims["org_code"] = user.OrganisationCode!;
        }

        if (audience is not null)
        {
            claims["aud"] = audience;
        }

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.AbsoluteUri,
            IssuedAt = now,
            NotBefore = now,
            // Longer than the server's 30 minutes: the whole run uses one set of tokens.
            Expires = now.AddHours(2),
            TokenType = "at+jwt",
            Claims = claims,
            SigningCredentials = signing,
            EncryptingCredentials = encrypting,
        });
    }

    private static RsaSecurityKey Load(string stateDirectory, string name)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(stateDirectory, "keys", name + ".pem")));
        // The key id the server gives the same key (ServerKeys.LoadOrCreate), so its validation finds it at once.
        return new RsaSecurityKey(rsa) { KeyId = name + "-" + Convert.ToHexString(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16] };
    }
}
