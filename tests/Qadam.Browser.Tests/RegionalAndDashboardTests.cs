using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The regional officer posts an emergency order (territory and schools chosen by name in trees with search) and watches the
/// mass transfer school by school; the dashboard answers how many students learn remotely today, by district and school,
/// since when and per day, with filters that stay across a language switch.
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

        var page = await fixture.NewPageAsync(1366, 768, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when regional.r1 finds district d1 by part of its name in the territory tree and posts an order from today
            await BrowserFixture.SignInAsync(page, "regional.r1");
            await page.GotoAsync("/app/emergency-orders");
            await page.Locator("#order-number").FillAsync("ЧС-UI-" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^6..]);
            await page.Locator("#order-territory-search").FillAsync("Есіл");
            Assert.True(await page.Locator("[data-testid='order-territory'] li[data-organisation='d2']").IsHiddenAsync());
            var d1 = page.Locator("[data-testid='order-territory'] li[data-organisation='d1'] > label");
            Assert.Equal("Есіл ауданы бойынша білім бөлімі", (await d1.InnerTextAsync()).Trim());
            await d1.Locator("input").CheckAsync();
            Assert.DoesNotContain("d1", await page.Locator("[data-testid='order-territory']").InnerTextAsync(), StringComparison.Ordinal);
            var today = DateTime.UtcNow.AddHours(5).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
            await page.Locator("#order-from-shown").FillAsync(today);
            await page.Locator("#order-from-shown").PressAsync("Tab");
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
            Assert.Contains("№ 1 мектеп-лицей", await page.Locator("[data-testid='orders']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, "regional-03-transfer-completed");

            // when the officer opens the dashboard
            using var officer = await fixture.ClientForAsync("regional.r1");
            using var figures = JsonDocument.Parse(await officer.GetStringAsync("/api/dashboard/remote"));
            var students = figures.RootElement.GetProperty("students").GetInt32();
            var inD1 = figures.RootElement.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "d1");
            await page.GotoAsync("/app/dashboard");

            // then it says how many students learn remotely today (the students of s1 and s2, not two schools), since today
            await page.Locator("[data-testid='remote-students']").WaitForAsync();
            Assert.True(students > 2, $"{students} students remote");
            Assert.Equal(students.ToString(CultureInfo.InvariantCulture), await page.Locator("[data-testid='remote-students']").InnerTextAsync());
            Assert.Equal(today, await page.Locator("[data-testid='remote-since']").InnerTextAsync());
            var district = page.Locator("[data-testid='remote-districts'] tr[data-district='d1']");
            Assert.Contains("Есіл ауданы бойынша білім бөлімі", await district.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(inD1.GetProperty("students").GetInt32().ToString(CultureInfo.InvariantCulture), await district.InnerTextAsync(), StringComparison.Ordinal);

            // and a district opens to its schools, by name
            var s1 = page.Locator("[data-testid='remote-districts'] tr[data-school='s1']");
            Assert.True(await s1.IsHiddenAsync());
            await page.Locator("[data-testid='remote-toggle-d1']").ClickAsync();
            Assert.Contains("№ 1 мектеп-лицей", await s1.InnerTextAsync(), StringComparison.Ordinal);

            // and the students per day are a chart with an accessible name that carries today's figure
            var chartName = await page.Locator("[data-testid='remote-chart']").GetAttributeAsync("aria-label") ?? string.Empty;
            Assert.Contains("Күн сайын қашықтан оқитын білім алушылар", chartName, StringComparison.Ordinal);
            Assert.Contains($"{today} {students}", chartName, StringComparison.Ordinal);

            // and cases by pathway are named in full, overdue tasks are shown or explained; schools per region (a count of
            // schools, not students) are left to the ministry
            await page.Locator("[data-testid='cases-chart'] g[data-pathway]").First.WaitForAsync();
            Assert.DoesNotContain("…", await page.Locator("[data-testid='cases-chart']").TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
            await page.Locator("[data-testid='open-tasks']").WaitForAsync();
            Assert.Equal(0, await page.Locator("[data-testid='dashboard-transfers']").CountAsync());
            await BrowserFixture.ShotAsync(page, "dashboard-01-kk");
            await ScreenChecks.AssertOneLanguageAsync(page, "kk", "dashboard");
            await ScreenChecks.AssertAccessibleAsync(page, "dashboard");

            // when the officer filters by district d2, found in the tree by its Russian name, and switches to Russian
            await page.Locator("#remote-district-search").FillAsync("Сарыарка");
            await page.Locator("[data-testid='remote-district'] input[value='d2']").CheckAsync();
            await page.Locator("[data-testid='remote-apply']").ClickAsync();
            await page.Locator("[data-testid='remote-students']", new PageLocatorOptions { HasTextString = "0" }).WaitForAsync();
            await page.Locator("#language").SelectOptionAsync("ru");
            await page.Locator("[data-testid='dashboard-remote'] h2", new PageLocatorOptions { HasTextString = "Обучающиеся на дистанционном обучении сегодня" }).WaitForAsync();

            // then the filter stays as chosen, the district is named in Russian, and the screen speaks Russian only
            Assert.True(await page.Locator("[data-testid='remote-district'] input[value='d2']").IsCheckedAsync());
            Assert.Equal("Сарыарка", await page.Locator("#remote-district-search").InputValueAsync());
            Assert.Contains("Отдел образования по району Сарыарка", await page.Locator("[data-testid='remote-district']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, "dashboard-02-ru");
            await ScreenChecks.AssertOneLanguageAsync(page, "ru", "dashboard");
            await ScreenChecks.AssertAccessibleAsync(page, "dashboard");
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
