using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The regional officer posts an emergency order and watches the mass transfer school by school; the dashboard
/// shows cases by pathway and status, overdue tasks and transfers by region.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegionalAndDashboardTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_regional_officer_posts_an_order_watches_the_transfer_and_reads_the_dashboard()
    {
        // given a case in progress at s1 (so the dashboard has one to count)
        await fixture.EnsureBrowserApplicationAsync();
        await FileBrowserApplicationCaseAsync();

        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when regional.r1 posts an order for district d1
            await BrowserFixture.SignInAsync(page, "regional.r1");
            await page.GotoAsync("/app/emergency-orders");
            await page.Locator("#order-number").FillAsync("ЧС-UI-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^6..]);
            await page.Locator("#order-territory").FillAsync("d1");
            await page.Locator("#order-ground").FillAsync("Аяз −35 °C / Мороз −35 °C");
            await BrowserFixture.ShotAsync(page, "regional-01-order-form");
            await page.Locator("#post-order").ClickAsync();

            // then the transfer's progress shows while it runs, school by school (the fixture paces it: one school a chunk,
            // a pause after each), and reaches 100 % by itself
            await page.Locator("[data-testid='order-form'] .notice-success").WaitForAsync();
            await page.Locator("[data-testid='transfer-progress'] .transfer[data-status='running']").WaitForAsync();
            await BrowserFixture.ShotAsync(page, "regional-02-transfer-running");
            await page.Locator("[data-testid='transfer-progress'] .transfer[data-status='completed']").WaitForAsync();
            Assert.Equal("100", await page.Locator("[data-testid='order-progress']").GetAttributeAsync("aria-valuenow"));
            Assert.Equal(2, await page.Locator("[data-testid='transfer-progress'] tr[data-organisation]").CountAsync());
            await BrowserFixture.ShotAsync(page, "regional-03-transfer-completed");

            // when the officer opens the dashboard
            await page.GotoAsync("/app/dashboard");

            // then cases by pathway, overdue tasks and the transfers of region r1 are drawn
            await page.Locator("[data-testid='cases-chart'] g[data-pathway]").First.WaitForAsync();
            await page.Locator("[data-testid='overdue-tasks']").WaitForAsync();
            await page.Locator("[data-testid='transfers-chart'] g[data-region='r1']").WaitForAsync();
            await BrowserFixture.ShotAsync(page, "dashboard-01-kk");
            await page.Locator("#language").SelectOptionAsync("ru");
            await page.Locator("[data-testid='dashboard-transfers'] h2", new PageLocatorOptions { HasTextString = "Переводы по регионам" }).WaitForAsync();
            await BrowserFixture.ShotAsync(page, "dashboard-02-ru");
            await page.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "regional-failure");
            throw;
        }
    }

    private async Task FileBrowserApplicationCaseAsync()
    {
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var response = await clerk.PostAsync("/api/cases", new StringContent(JsonSerializer.Serialize(new
        {
            pathway = BrowserApplication.Key, studentIin = children.RootElement[0].GetProperty("iin").GetString(), ground = "Заявление родителя",
            filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
