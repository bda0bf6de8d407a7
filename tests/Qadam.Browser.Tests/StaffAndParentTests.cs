using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>A clerk files a case and works its task from the inbox, the case page shows the next step, the parent tracks it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffAndParentTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Clerk_FilesCase_CompletesReviewFromInbox_AndParentSeesTheNextStep()
    {
        // given the tests' pathway in force and parent.p1's child on the rosters of s1
        await fixture.EnsureBrowserApplicationAsync();
        var iin = await ParentsChildIinAsync();

        var clerk = await fixture.NewPageAsync();
        clerk.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        string caseId;
        try
        {
            // when clerk.s1 signs in and files a case for the child, first with a mistyped IIN
            await BrowserFixture.SignInAsync(clerk, "clerk.s1");
            await clerk.GotoAsync("/app/cases");
            // (the student is picked from the rosters by name, class or IIN: filing without one names the field)
            await clerk.Locator("#case-pathway").SelectOptionAsync(BrowserApplication.Key);
            await clerk.Locator("#case-ground").FillAsync("Заявление родителя о дистанционном обучении");
            await clerk.Locator("#file-case").ClickAsync();
            await clerk.Locator(".field-error[data-field='studentIin']:not(:empty)").WaitForAsync();
            await BrowserFixture.ShotAsync(clerk, "staff-00-file-case-error");
            await clerk.Locator("#case-student").FillAsync(iin[..6]);
            await clerk.Locator($"#case-student-results button[data-iin='{iin}']").ClickAsync();
            await clerk.Locator("#file-case").ClickAsync();
            await clerk.Locator(".steps li[data-element-id='review']").WaitForAsync();
            caseId = clerk.Url.Split('/')[^1];
            var caseNumber = await clerk.Locator("h1[data-case-number]").GetAttributeAsync("data-case-number") ?? string.Empty;
            await BrowserFixture.ShotAsync(clerk, "staff-00-case-filed");

            // and opens the review task of that case from the inbox, claims and completes it
            await clerk.GotoAsync("/app/inbox");
            var row = clerk.Locator("tr[data-task-id]", new PageLocatorOptions { HasTextString = caseNumber });
            await row.WaitForAsync();
            await BrowserFixture.ShotAsync(clerk, "staff-01-inbox");
            await row.Locator("td").First.Locator("a").ClickAsync();
            await clerk.Locator("#claim").ClickAsync();
            await clerk.Locator(".notice-success").WaitForAsync();
            // (completing without the required recommendation first: the error shows under the field)
            await clerk.Locator("#complete").ClickAsync();
            await clerk.Locator("[data-testid='task-form'] .fjs-form-field-error", new PageLocatorOptions { HasTextString = "Толтыру міндетті" }).WaitForAsync();
            await BrowserFixture.ShotAsync(clerk, "staff-02a-task-form-required");
            await clerk.GetByLabel("Ұсыныс").FillAsync("distance");
            await BrowserFixture.ShotAsync(clerk, "staff-02-task-form");
            await clerk.Locator("#complete").ClickAsync();
            await clerk.Locator(".notice-success", new PageLocatorOptions { HasTextString = "аяқталды" }).WaitForAsync();

            // then the case page shows the head's decision as the current step, with its legal basis
            await clerk.GotoAsync($"/app/cases/{caseId}");
            var step = clerk.Locator(".steps li[data-element-id='decide']");
            await step.WaitForAsync();
            Assert.Contains("Директордың шешімі", await step.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains("Прил. 2, п. 7", await step.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(clerk, "staff-03-case");
        }
        catch
        {
            await BrowserFixture.ShotAsync(clerk, "staff-failure");
            throw;
        }

        // and parent.p1 sees the case and what comes next, in Kazakh and then in Russian
        var parent = await fixture.NewPageAsync();
        parent.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(parent, "parent.p1");
            var card = parent.Locator($"article[data-case-id='{caseId}']");
            await card.WaitForAsync();
            Assert.Contains("Директордың шешімі", await card.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(parent, "parent-01-tracker-kk");
            await parent.Locator("#language").SelectOptionAsync("ru");
            await parent.Locator($"article[data-case-id='{caseId}']", new PageLocatorOptions { HasTextString = "Решение директора" }).WaitForAsync();
            await BrowserFixture.ShotAsync(parent, "parent-02-tracker-ru");
        }
        catch
        {
            await BrowserFixture.ShotAsync(parent, "parent-failure");
            throw;
        }
    }

    private async Task<string> ParentsChildIinAsync()
    {
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        return children.RootElement[0].GetProperty("iin").GetString()!;
    }
}
