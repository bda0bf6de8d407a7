using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;
using Duende.IdentityModel.OidcClient.Results;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Qadam.Api.Features.Identity;

namespace Qadam.Api.Tests.Features.Identity;

/// <summary>
/// The authorization code + PKCE flow driven by a standard OIDC client (Duende.IdentityModel.OidcClient): discovery,
/// authorize with a code challenge, the Kazakh/Russian sign-in page, the code exchange with the verifier, id token checks.
/// </summary>
public sealed partial class CodeFlowTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task OidcClient_signs_in_teacher_s1_with_code_and_PKCE_and_calls_the_API()
    {
        var browser = new SignInPageBrowser(api, "teacher.s1", "demo");
        var oidc = NewClient(browser);

        var result = await oidc.LoginAsync(new LoginRequest());

        Assert.False(result.IsError, result.Error + " " + result.ErrorDescription);
        Assert.Contains("code_challenge_method=S256", browser.StartUrl, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", browser.StartUrl, StringComparison.Ordinal);
        Assert.Equal("teacher.s1", result.User.FindFirst("name")?.Value);
        Assert.NotNull(result.RefreshToken);

        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", result.AccessToken);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal([QadamRoles.ClassTeacher], me!.Roles);
        Assert.Equal("s1", me.OrganisationCode);

        var refreshed = await oidc.RefreshTokenAsync(result.RefreshToken);
        Assert.False(refreshed.IsError, refreshed.Error);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_browser_on_the_sign_in_page()
    {
        var browser = new SignInPageBrowser(api, "teacher.s1", "not-the-password");

        var result = await NewClient(browser).LoginAsync(new LoginRequest());

        Assert.True(result.IsError);
        Assert.Contains("Пайдаланушы аты немесе құпиясөз қате", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_code_without_the_right_verifier()
    {
        // RFC 7636 4.6: the server must refuse a code exchanged with a verifier that does not match the challenge.
        var browser = new SignInPageBrowser(api, "clerk.s2", "demo");
        var oidc = NewClient(browser);
        var state = await oidc.PrepareLoginAsync();
        var callback = await browser.InvokeAsync(new BrowserOptions(state.StartUrl, "http://localhost/signin-callback"));
        var code = CodeParameter().Match(callback.Response).Groups[1].Value;

        using var client = api.CreateClient();
        using var response = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "authorization_code"),
            ("client_id", "qadam-web"), ("code", Uri.UnescapeDataString(code)), ("redirect_uri", "http://localhost/signin-callback"),
            ("code_verifier", new string('a', 43))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    private OidcClient NewClient(IBrowser browser) =>
        new(new OidcClientOptions
        {
            Authority = "http://localhost",
            ClientId = OidcClients.Web,
            RedirectUri = "http://localhost/signin-callback",
            Scope = "openid profile roles offline_access",
            Browser = browser,
            BackchannelHandler = api.Server.CreateHandler(),
            RefreshTokenInnerHttpHandler = api.Server.CreateHandler(),
            IdentityTokenValidator = new SignatureCheckingValidator(api),
            LoadProfile = false,
        });

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();

    /// <summary>Checks the id token's signature against the server's published keys, its issuer and audience.</summary>
    internal sealed class SignatureCheckingValidator(QadamApiFactory api) : IIdentityTokenValidator
    {
        public async Task<IdentityTokenValidationResult> ValidateAsync(string identityToken, OidcClientOptions options, CancellationToken cancel = default)
        {
            using var client = api.CreateClient();
            var keys = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks", cancel));
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(identityToken, new TokenValidationParameters
            {
                ValidIssuer = "http://localhost/",
                ValidAudience = options.ClientId,
                IssuerSigningKeys = keys.GetSigningKeys(),
                NameClaimType = "name",
            });
            return result.IsValid
                ? new IdentityTokenValidationResult { User = new ClaimsPrincipal(result.ClaimsIdentity), SignatureAlgorithm = "RS256" }
                : new IdentityTokenValidationResult { Error = result.Exception?.Message ?? "invalid id token" };
        }
    }
}
