using System.Net.Http.Headers;

namespace Qadam.Api.Tests.Hosting;

/// <summary>Every answer, page or API, carries the security headers; HSTS only outside Development.</summary>
public sealed class SecurityHeadersTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    public static TheoryData<string> Paths => new()
    {
        "/health", "/api/organisations", "/api/cases", "/openapi/v1.json",
        "/account/signin?returnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dqadam-web&lang=kk", "/no-such-page",
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_answer_carries_CSP_nosniff_frame_and_referrer_headers(string path)
    {
        using var client = api.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-inline'", Directive(csp, "script-src"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS in Development");
    }

    [Fact]
    public async Task Production_answers_over_HTTPS_carry_HSTS()
    {
        var production = new ProductionApiFactory();
        await ((IAsyncLifetime)production).InitializeAsync();
        try
        {
            // The library sends HSTS on HTTPS only, and never to localhost (a developer's other sites would inherit it).
            using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
            {
                BaseAddress = new Uri("https://qadam.example"),
            });

            using var response = await client.GetAsync("/health");

            Assert.Contains("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)production).DisposeAsync();
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no {name} header");

    private static string Directive(string csp, string name) =>
        csp.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(d => d.StartsWith(name + " ", StringComparison.Ordinal)) ?? string.Empty;
}
