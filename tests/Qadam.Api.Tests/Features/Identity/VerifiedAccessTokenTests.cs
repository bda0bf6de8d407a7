using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Identity;

namespace Qadam.Api.Tests.Features.Identity;

/// <summary>
/// A token verified once is not verified again on its next request (VerifiedAccessTokens), and that memory must not let
/// anything else in: a copy of the token with its signature or its claims changed is refused, after the real one was
/// accepted. (The sign-out of a remembered token: SignInSecurityTests.)
/// </summary>
public sealed class VerifiedAccessTokenTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task A_token_accepted_twice_does_not_open_the_door_to_a_forged_copy_of_it()
    {
        var token = await api.TokenForAsync("clerk.s1");
        var kept = api.Services.GetRequiredService<VerifiedAccessTokens>();
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));
        var afterFirst = kept.Count;
        Assert.True(afterFirst >= 1, "the verified token is not kept");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));
        Assert.Equal(afterFirst, kept.Count);

        var parts = token.Split('.');
        var signature = parts[2].ToCharArray();
        signature[signature.Length / 2] = signature[signature.Length / 2] == 'A' ? 'B' : 'A';
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync($"{parts[0]}.{parts[1]}.{new string(signature)}"));

        // The same signature over claims that say more (another role) is not the signature of those claims.
        var claims = Encoding.UTF8.GetString(Base64UrlDecode(parts[1]));
        Assert.Contains("\"clerk\"", claims, StringComparison.Ordinal);
        var payload = claims.Replace("\"clerk\"", "\"administrator\"", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync($"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}"));

        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));
        Assert.Equal(afterFirst, kept.Count);
    }

    [Fact]
    public async Task The_same_token_sent_by_many_requests_at_once_is_accepted_by_each_and_the_kept_claims_stay_as_signed()
    {
        // A parent's page asks for the tracker and the notices at the same moment, with one token: each request gets its
        // own copy of the kept claims, so none sees another's changes (a 500 before) and the kept ones never grow.
        var token = await api.TokenForAsync("clerk.s1");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));
        var kept = api.Services.GetRequiredService<VerifiedAccessTokens>();
        var before = kept.ClaimsOf(token);
        Assert.NotEmpty(before);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => MeAsync(token)));
        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(before, kept.ClaimsOf(token));
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }

    private static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
