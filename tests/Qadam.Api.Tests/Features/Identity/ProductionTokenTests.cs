using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Qadam.Api.Tests.Features.Identity;

/// <summary>Outside the Demo profile: no password grant, keys generated in the state directory.</summary>
public sealed class ProductionTokenTests(ProductionApiFactory api) : IClassFixture<ProductionApiFactory>
{
    [Fact]
    public async Task Password_grant_is_refused_when_Demo_is_off()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "password"), ("client_id", "demo-cli"),
            ("username", "clerk.s1"), ("password", "demo")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_does_not_offer_the_password_grant_when_Demo_is_off()
    {
        using var client = api.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.DoesNotContain("password", grants);
        Assert.Contains("authorization_code", grants);
    }

    [Fact]
    public async Task Signing_and_encryption_keys_are_generated_outside_the_repository_and_private()
    {
        _ = api.Server;
        var keys = Path.Combine(api.StateDirectory, "keys");
        using var client = api.CreateClient();
        _ = await client.GetStringAsync("/.well-known/jwks");

        foreach (var name in new[] { "signing.pem", "encryption.pem" })
        {
            var path = Path.Combine(keys, name);
            Assert.True(File.Exists(path), path);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
    }

    [Fact]
    public async Task Access_tokens_are_checked_by_signature_and_audience_without_decryption()
    {
        _ = api.Server;
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(api.StateDirectory, "keys", "signing.pem")));
        var key = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa);
        using var client = api.CreateClient();
        var issuer = client.BaseAddress!.AbsoluteUri;

        async Task<HttpStatusCode> MeAsync(string? audience, Microsoft.IdentityModel.Tokens.RsaSecurityKey signingKey)
        {
            var claims = new Dictionary<string, object> { ["sub"] = Guid.NewGuid().ToString(), ["name"] = "someone", ["role"] = "clerk" };
            if (audience is not null)
            {
                claims["aud"] = audience;
            }

            var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Issuer = issuer, Expires = DateTime.UtcNow.AddMinutes(5), TokenType = "at+jwt", Claims = claims,
                SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(signingKey, "RS256"),
            });
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        // A signed JWT of the server's key for the API's audience is accepted; one for another audience, with no audience,
        // or signed by another key is refused.
        Assert.Equal(HttpStatusCode.OK, await MeAsync("qadam-api", key));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync("another-api", key));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(null, key));
        using var stranger = System.Security.Cryptography.RSA.Create(3072);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync("qadam-api", new Microsoft.IdentityModel.Tokens.RsaSecurityKey(stranger)));
    }
}
