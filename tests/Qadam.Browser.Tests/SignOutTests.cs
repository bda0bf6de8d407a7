using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// Signing out on a shared school computer ends the session on the server: the app goes through the end-session
/// endpoint, which deletes the sign-in cookie, and comes back to the app's start with the sign-in button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sign_out_goes_through_the_end_session_endpoint_and_leaves_no_session_cookie()
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // given a clerk signed in: the server's sign-in cookie is there
            await BrowserFixture.SignInAsync(page, "clerk.s1");
            Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "qadam.session");
            var endSession = false;
            page.Request += (_, request) => endSession |= request.Url.Contains("/connect/endsession", StringComparison.Ordinal);

            // when the clerk signs out
            await page.Locator("header .who button").ClickAsync();
            await page.Locator("#sign-in").WaitForAsync();

            // then the app went through the end-session endpoint and the cookie is gone
            Assert.True(endSession, "sign-out did not call the end-session endpoint");
            Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "qadam.session");
            await BrowserFixture.ShotAsync(page, "sign-out-01-signed-out");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
