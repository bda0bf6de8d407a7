using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel.OidcClient;
using Duende.IdentityModel.OidcClient.Browser;

namespace Qadam.Api.Tests.Features.Identity;

/// <summary>
/// Sign-in and sign-out as an attacker and a shared school computer see them: guessing is throttled per address without
/// locking the owner out, one message for every failure, PKCE S256 only, a reused refresh token ends the grant, the
/// end-session endpoint revokes the refresh token, the access token and the cookie, and a standard OIDC client reads the UserInfo endpoint.
/// </summary>
public sealed partial class SignInSecurityTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Callback = "http://localhost/signin-callback";

    [Fact]
    public async Task Eleven_wrong_passwords_from_one_address_are_throttled_without_locking_the_account_for_its_owner()
    {
        using var attacker = new SignInPageBrowser(api, "head.s1", "guess", IPAddress.Parse("203.0.113.7"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            var result = await NewClient(attacker).LoginAsync(new LoginRequest());
            Assert.True(result.IsError);
            statuses.Add(attacker.LastStatus);
        }

        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Contains("15 минуттан кейін", attacker.LastPage, StringComparison.Ordinal);

        // The owner, at the school, signs in at once: the account was never locked.
        using var owner = new SignInPageBrowser(api, "head.s1", "demo", IPAddress.Parse("198.51.100.20"));
        var signedIn = await NewClient(owner).LoginAsync(new LoginRequest());
        Assert.False(signedIn.IsError, signedIn.Error + " " + owner.LastPage);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        using var unknown = new SignInPageBrowser(api, "nobody.s9", "demo", IPAddress.Parse("192.0.2.10"));
        using var wrong = new SignInPageBrowser(api, "clerk.s2", "not-demo", IPAddress.Parse("192.0.2.11"));

        await NewClient(unknown).LoginAsync(new LoginRequest());
        await NewClient(wrong).LoginAsync(new LoginRequest());

        Assert.Equal(unknown.LastStatus, wrong.LastStatus);
        Assert.Equal(Alert().Match(unknown.LastPage).Value, Alert().Match(wrong.LastPage).Value);
        Assert.NotEmpty(Alert().Match(wrong.LastPage).Value);
    }

    [Fact]
    public async Task A_standard_OIDC_client_reads_UserInfo_then_signs_out_and_its_tokens_and_session_are_gone()
    {
        using var client = api.CreateClient();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal("http://localhost/connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal("http://localhost/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString());
        Assert.DoesNotContain("plain", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));

        using var browser = new SignInPageBrowser(api, "secretary.s2", "demo", IPAddress.Parse("192.0.2.20"));
        var oidc = NewClient(browser, loadProfile: true);
        var login = await oidc.LoginAsync(new LoginRequest());
        Assert.False(login.IsError, login.Error + " " + login.ErrorDescription);
        Assert.Equal(1, browser.SignInPagesShown);

        // OIDC Core 5.3: the profile claims come from the UserInfo endpoint.
        var userInfo = await oidc.GetUserInfoAsync(login.AccessToken);
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal("secretary.s2", userInfo.Claims.Single(c => c.Type == "preferred_username").Value);
        Assert.Equal("s2", userInfo.Claims.Single(c => c.Type == "org_code").Value);
        Assert.Contains(userInfo.Claims, c => c.Type == "role" && c.Value == "councilSecretary");
        Assert.Equal(login.User.FindFirst("sub")!.Value, userInfo.Claims.Single(c => c.Type == "sub").Value);

        using var api1 = api.CreateClient();
        api1.DefaultRequestHeaders.Authorization = new("Bearer", login.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api1.GetAsync("/api/me")).StatusCode);

        var logout = await oidc.LogoutAsync(new LogoutRequest { IdTokenHint = login.IdentityToken });
        Assert.False(logout.IsError, logout.Error);

        // The access token of the ended session is refused too, not only at its expiry 30 minutes later.
        using var afterSignOut = await api1.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
        Assert.Contains("invalid_token", afterSignOut.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.True((await oidc.GetUserInfoAsync(login.AccessToken)).IsError, "UserInfo still answers the signed-out token");

        var refreshed = await oidc.RefreshTokenAsync(login.RefreshToken);
        Assert.True(refreshed.IsError, "the refresh token still works after sign-out");
        Assert.Equal("invalid_grant", refreshed.Error);

        // The next person at the same browser is asked to sign in: the session cookie ended with the sign-out.
        var next = await NewClient(browser).LoginAsync(new LoginRequest());
        Assert.False(next.IsError, next.Error);
        Assert.Equal(2, browser.SignInPagesShown);
    }

    [Fact]
    public async Task The_authorize_endpoint_refuses_a_plain_PKCE_challenge()
    {
        using var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/connect/authorize?client_id=qadam-web&response_type=code&scope=openid"
            + "&redirect_uri=" + Uri.EscapeDataString(Callback) + "&state=s&code_challenge_method=plain&code_challenge=" + new string('a', 43));

        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.DoesNotContain("/account/signin", location, StringComparison.Ordinal);
        Assert.True(location.Contains("error=", StringComparison.Ordinal) || (int)response.StatusCode == 400,
            $"{response.StatusCode} {location}");
    }

    [Fact]
    public async Task A_rotated_refresh_token_presented_again_is_refused_at_once_and_ends_the_grant()
    {
        using var client = api.CreateClient();
        using var first = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "password"), ("client_id", "demo-cli"),
            ("username", "head.s2"), ("password", "demo"), ("scope", "offline_access roles")));
        var original = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;

        using var rotated = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "refresh_token"), ("client_id", "demo-cli"),
            ("refresh_token", original)));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var successor = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;

        using var reused = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "refresh_token"), ("client_id", "demo-cli"),
            ("refresh_token", original)));
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var afterReuse = await client.PostAsync("/connect/token", TokenTests.Form(("grant_type", "refresh_token"), ("client_id", "demo-cli"),
            ("refresh_token", successor)));
        Assert.Equal(HttpStatusCode.BadRequest, afterReuse.StatusCode);
    }

    private OidcClient NewClient(IBrowser browser, bool loadProfile = false) =>
        new(new OidcClientOptions
        {
            Authority = "http://localhost",
            ClientId = "qadam-web",
            RedirectUri = Callback,
            PostLogoutRedirectUri = "http://localhost/",
            Scope = "openid profile roles offline_access",
            Browser = browser,
            BackchannelHandler = api.Server.CreateHandler(),
            RefreshTokenInnerHttpHandler = api.Server.CreateHandler(),
            LoadProfile = loadProfile,
            IdentityTokenValidator = new CodeFlowTests.SignatureCheckingValidator(api),
            Policy = new Policy { Discovery = new Duende.IdentityModel.Client.DiscoveryPolicy { RequireHttps = false } },
        });

    [GeneratedRegex("<p class=\"error\"[^>]*>[^<]*</p>")]
    private static partial Regex Alert();
}
