using System.Net;
using System.Text.RegularExpressions;
using Duende.IdentityModel.OidcClient.Browser;
using Microsoft.AspNetCore.Mvc.Testing;
using Qadam.Api.Features.Identity;

namespace Qadam.Api.Tests.Features.Identity;

/// <summary>
/// Plays the person at the browser: follows the redirects of the authorize endpoint, fills in the sign-in form
/// (with its anti-forgery token) and stops at the redirect to the callback, as a browser hands it to the app.
/// </summary>
internal sealed partial class SignInPageBrowser(WebApplicationFactory<Program> api, string userName, string password) : IBrowser
{
    public string StartUrl { get; private set; } = string.Empty;

    public string LastPage { get; private set; } = string.Empty;

    public async Task<BrowserResult> InvokeAsync(BrowserOptions options, CancellationToken cancellationToken = default)
    {
        StartUrl = options.StartUrl;
        using var client = api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var url = options.StartUrl;
        for (var step = 0; step < 10; step++)
        {
            if (url.StartsWith(options.EndUrl, StringComparison.Ordinal))
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

            form["userName"] = userName;
            form["password"] = password;
            using var posted = await client.PostAsync(SignIn.Path, new FormUrlEncodedContent(form), cancellationToken);
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
