using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The built front-end runs under the API's Content-Security-Policy (scripts from our origin only): signing in, the BPMN
/// modeler (bpmn-js) and the form editor (form-js) load without a single CSP violation reported by Chromium.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sign_in_the_modeler_and_the_form_editor_run_without_CSP_violations()
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        try
        {
            var app = await page.GotoAsync("/app/");
            Assert.Contains("script-src 'self'", await app!.HeaderValueAsync("content-security-policy") ?? string.Empty, StringComparison.Ordinal);

            // given legal.r1 signed in, when the parent application opens in the modeler on a step with a form
            await BrowserFixture.SignInAsync(page, "legal.r1");
            await page.GotoAsync("/app/definitions/parent-application/versions/1?element=psychologistConclusion");
            await page.Locator(".djs-element.selected[data-element-id='psychologistConclusion']").WaitForAsync();

            // and the step's form opens in the form-js editor
            await page.Locator("#edit-form").ClickAsync();
            await page.Locator("[data-testid='form-editor'] .fjs-editor-container").WaitForAsync();
            await BrowserFixture.ShotAsync(page, "csp-01-form-editor");

            // then Chromium reported no violation of the policy
            Assert.True(violations.Count == 0, string.Join('\n', violations));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
