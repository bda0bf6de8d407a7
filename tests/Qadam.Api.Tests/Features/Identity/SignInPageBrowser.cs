using System.Net;
using System.Text.RegularExpressions;
using Duende.IdentityModel.OidcClient.Browser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Qadam.Api.Features.Identity;

namespace Qadam.Api.Tests.Features.Identity;

/// <summary>
/// Plays the person at the browser: follows the redirects of the authorize endpoint, fills in the sign-in form
/// (with its anti-forgery token) and stops at the redirect to the callback, as a browser hands it to the app.
/// </summary>
/// <remarks>
/// One browser keeps its cookies across sign-ins, as a shared computer would; <paramref name="address"/> is the client
/// address the server sees (none unless given).
/// </remarks>
internal sealed partial class SignInPageBrowser(WebApplicationFactory<Program> api, string userName, string password, IPAddress? address = null)
    : IBrowser, IDisposable
{
    private HttpClient? _client;

    public string StartUrl { get; private set; } = string.Empty;

    public string LastPage { get; private set; } = string.Empty;

    /// <summary>The status of the last sign-in form post.</summary>
    public HttpStatusCode LastStatus { get; private set; }

    /// <summary>How many times the sign-in form was shown (a browser with a live session is not shown it).</summary>
    public int SignInPagesShown { get; private set; }

    public void Dispose() => _client?.Dispose();

    private HttpClient Client() => _client ??= address is null
        ? api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
        : new HttpClient(new CookieContainerHandler { InnerHandler = api.Server.CreateHandler(c => c.Connection.RemoteIpAddress = address) })
        {
            BaseAddress = new Uri("http://localhost"),
        };

    public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        StartUrl = options.StartUrl;
        var client = Client();
        var url = options.StartUrl;
        for (var step = 0; step < 10; step++)
        {
            if (step > 0 && url.StartsWith(options.EndUrl, StringComparison.Ordinal))
            {
                return new BrowserResult { ResultType = BrowserResultType.Success, Response = url };
            }

            using var response = await client.GetAsync(url, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Redirect || response.StatusCode == HttpStatusCode.Found)
            {
                url = new Uri(new Uri("http://localhost"), response.Headers.Location!).ToString();
                continue;
            }

            LastPage = await response.Content.ReadAsStringAsync(cancellationToken);
            var form = HiddenInputs().Matches(LastPage).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
            if (!form.ContainsKey("returnUrl") || step > 4)
            {
                return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = "no sign-in form at " + url };
            }

            SignInPagesShown++;
            form["userName"] = userName;
            form["password"] = password;
            using var posted = await client.PostAsync(SignIn.Path, new FormUrlEncodedContent(form), cancellationToken);
            LastStatus = posted.StatusCode;
            if (posted.StatusCode != HttpStatusCode.Redirect && posted.StatusCode != HttpStatusCode.Found)
            {
                LastPage = await posted.Content.ReadAsStringAsync(cancellationToken);
                return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = "sign-in refused" };
            }

            url = new Uri(new Uri("http://localhost"), posted.Headers.Location!).ToString();
        }

        return new BrowserResult { ResultType = BrowserResultType.UnknownError, Error = "too many redirects" };
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInputs();
}
