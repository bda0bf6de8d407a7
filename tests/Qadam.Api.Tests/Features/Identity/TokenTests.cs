using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Features.Identity;

namespace Qadam.Api.Tests.Features.Identity;

public sealed class TokenTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Password_grant_for_demo_cli_gives_a_token_that_carries_roles_and_organisation()
    {
        using var client = await api.ClientForAsync("clerk.s1");

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");

        Assert.NotNull(me);
        Assert.Equal("clerk.s1", me.Name);
        Assert.Equal(["clerk"], me.Roles);
        Assert.Equal("s1", me.OrganisationCode);
        Assert.Equal(["s1"], me.VisibleOrganisationCodes);
    }

    [Fact]
    public async Task Password_grant_with_a_wrong_password_is_invalid_grant()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/connect/token", Form(("grant_type", "password"), ("client_id", "demo-cli"),
            ("username", "clerk.s1"), ("password", "wrong")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Client_credentials_with_the_secret_written_at_first_start_give_an_integration_token_for_r1()
    {
        var secretFile = OidcClients.SecretPath(api.StateDirectory, api.ConnectionString, OidcClients.RegionIntegration);
        _ = api.Server;
        var secret = await File.ReadAllTextAsync(secretFile);
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/connect/token", Form(("grant_type", "client_credentials"),
            ("client_id", OidcClients.RegionIntegration), ("client_secret", secret)));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.Equal(OidcClients.RegionIntegration, me!.Subject);
        Assert.Equal([QadamRoles.Integration], me.Roles);
        Assert.Equal("r1", me.OrganisationCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        }
    }

    [Fact]
    public async Task Client_credentials_with_a_wrong_secret_are_refused()
    {
        using var client = api.CreateClient();

        using var response = await client.PostAsync("/connect/token", Form(("grant_type", "client_credentials"),
            ("client_id", OidcClients.RegionIntegration), ("client_secret", "guessed")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token()
    {
        using var client = api.CreateClient();
        using var first = await client.PostAsync("/connect/token", Form(("grant_type", "password"), ("client_id", "demo-cli"),
            ("username", "head.s2"), ("password", "demo"), ("scope", "offline_access roles")));
        var refreshToken = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString()!;

        using var second = await client.PostAsync("/connect/token", Form(("grant_type", "refresh_token"), ("client_id", "demo-cli"),
            ("refresh_token", refreshToken)));
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("access_token").GetString());
        Assert.Equal("head.s2", (await client.GetFromJsonAsync<MeResponse>("/api/me"))!.Name);
    }

    [Fact]
    public async Task Discovery_document_lists_the_endpoints_and_grants()
    {
        using var client = api.CreateClient();

        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal("http://localhost/connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", discovery.GetProperty("token_endpoint").GetString());
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("authorization_code", grants);
        Assert.Contains("client_credentials", grants);
        Assert.Contains("refresh_token", grants);
        Assert.Contains("password", grants);
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task The_API_without_a_token_answers_401_problem()
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("kk", "Құпиясөз")]
    [InlineData("ru", "Пароль")]
    public async Task The_sign_in_page_speaks_Kazakh_and_Russian(string lang, string passwordLabel)
    {
        using var client = api.CreateClient();
        var returnUrl = Uri.EscapeDataString("/connect/authorize?client_id=qadam-web");

        var page = await client.GetStringAsync($"/account/signin?returnUrl={returnUrl}&lang={lang}");

        Assert.Contains(passwordLabel, page, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{lang}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_refuses_to_return_anywhere_but_the_authorize_endpoint()
    {
        using var client = api.CreateClient();

        var page = await client.GetStringAsync("/account/signin?returnUrl=" + Uri.EscapeDataString("https://evil.example/") + "&lang=ru");

        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
        Assert.Contains("откройте страницу Qadam заново", page, StringComparison.Ordinal);
    }

    internal static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
