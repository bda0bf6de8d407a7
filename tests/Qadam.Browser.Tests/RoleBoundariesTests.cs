using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// Each person sees only the screens of their work: the legal department's menu holds the pathway editor and no case
/// menus (it reads no case data), and a parent who types a staff address gets the refusal, never the staff screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleBoundariesTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string> Refusal = new()
    {
        ["kk"] = "Бұл бетке рұқсатыңыз жоқ",
        ["ru"] = "У вас нет доступа к этой странице",
    };

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task The_legal_editor_has_the_pathway_editor_and_no_case_menus(string language)
    {
        // given a case of s1 that the legal editor has no business reading
        var caseId = await FileCaseAsync();
        var page = await fixture.NewPageAsync(1366, 768, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when legal.r1 signs in
            await BrowserFixture.SignInAsync(page, "legal.r1");
            await ChooseLanguageAsync(page, language);
            await page.Locator("[data-testid='definitions'], table.data").First.WaitForAsync();

            // then the menu holds the definitions only
            var menu = await page.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(["/app/definitions"], menu);
            await BrowserFixture.ShotAsync(page, $"boundary-legal-{language}-01-menu");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "legal menu");
            await ScreenChecks.AssertAccessibleAsync(page, "legal menu");

            // and the case screens, typed as addresses, are refused in the screen's language
            foreach (var path in new[] { "/app/inbox", "/app/cases", $"/app/cases/{caseId}", "/app/dashboard", "/app/emergency-orders" })
            {
                await AssertRefusedAsync(page, path, language);
            }

            await BrowserFixture.ShotAsync(page, $"boundary-legal-{language}-02-case-refused");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"boundary-legal-{language}-failure");
            throw;
        }
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task A_parent_on_a_phone_cannot_reach_staff_pages_by_address(string language)
    {
        // given a case of parent.p1's child with its open task
        var caseId = await FileCaseAsync();
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var tasks = JsonDocument.Parse(await clerk.GetStringAsync($"/api/tasks?caseId={caseId}"));
        var taskId = tasks.RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).FirstOrDefault()
                     ?? Guid.NewGuid().ToString();
        var page = await fixture.NewPageAsync(390, 844, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when parent.p1 signs in on a phone and types the staff addresses
            await BrowserFixture.SignInAsync(page, "parent.p1");
            await ChooseLanguageAsync(page, language);
            var menu = await page.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(["/app/my-children"], menu);

            // then each is refused: no case page, inbox, task, vote, document, editor or dashboard
            var addresses = new[]
            {
                "/app/inbox", "/app/cases", $"/app/cases/{caseId}", $"/app/cases/{caseId}/vote", $"/app/tasks/{taskId}",
                $"/app/documents/{Guid.NewGuid()}", "/app/definitions", "/app/definitions/parent-application/versions/1",
                "/app/dashboard", "/app/emergency-orders", "/app/readiness",
            };
            foreach (var path in addresses)
            {
                await AssertRefusedAsync(page, path, language);
                await ScreenChecks.AssertFitsWidthAsync(page, $"{path} 390px {language}");
            }

            await BrowserFixture.ShotAsync(page, $"boundary-parent-{language}-refused");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "parent refused");
            await ScreenChecks.AssertAccessibleAsync(page, "parent refused");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"boundary-parent-{language}-failure");
            throw;
        }
    }

    private static async Task AssertRefusedAsync(IPage page, string path, string language)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-testid='user-name']").WaitForAsync();
        var notice = page.Locator("#outlet .notice-error");
        await notice.WaitForAsync();
        Assert.Contains(Refusal[language], await notice.InnerTextAsync(), StringComparison.Ordinal);
        // Nothing of a staff screen was drawn: no table of cases or tasks, no journal, no diagram, no form.
        Assert.Equal(0, await page.Locator("#outlet table, #outlet .timeline, #outlet .djs-container, #outlet form").CountAsync());
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator("#language").SelectOptionAsync(language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
        await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
    }

    private async Task<string> FileCaseAsync()
    {
        await fixture.EnsureBrowserApplicationAsync();
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        var iin = children.RootElement[0].GetProperty("iin").GetString();
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var filed = await clerk.PostAsJsonAsync("/api/cases", new
        {
            pathway = BrowserApplication.Key, studentIin = iin, ground = "Өтініш",
            filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        return (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
