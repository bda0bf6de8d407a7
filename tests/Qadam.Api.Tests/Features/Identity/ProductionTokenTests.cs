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
}
