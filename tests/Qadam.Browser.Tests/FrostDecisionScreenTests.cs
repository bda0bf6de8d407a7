using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The regional officer's frost morning on a phone (order 103 para 11-15): the officer records the observed values and
/// opens the day's decision from the menu, then reads each school with the table that applied to it, what it proposed,
/// its order against the window and the parents reached, in Kazakh and in Russian, at 390 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FrostDecisionScreenTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_officer_records_the_values_opens_the_day_and_follows_each_school_in_kk_and_ru_on_a_phone()
    {
        var page = await fixture.NewPageAsync(390, 844);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // given regional.r1 signed in, the frost screen is in the menu
            await BrowserFixture.SignInAsync(page, "regional.r1");
            await page.Locator("a[href='/app/weather-decisions']").First.ClickAsync();
            await page.Locator("[data-testid='frost-form']").WaitForAsync();

            // when the officer records -31 °C with a 6 m/s wind for the first shift and opens the day
            await page.Locator("#frost-temperature").FillAsync("-31");
            await page.Locator("#frost-wind").FillAsync("6");
            await page.Locator("#frost-shift").SelectOptionAsync("first");
            await BrowserFixture.ShotAsync(page, "frost-01-values-kk");
            await page.Locator("#frost-start").ClickAsync();

            // then each school of the city shows by name, with its table (by the territory that approved it) and its proposal
            var s1 = page.Locator("[data-testid='frost-decision'] li[data-organisation='s1']");
            await s1.WaitForAsync();
            Assert.Matches("/app/weather-decisions/[0-9a-f-]{36}$", page.Url);
            var card = await s1.InnerTextAsync();
            Assert.Contains("0-11", card, StringComparison.Ordinal);
            Assert.DoesNotContain("weather-indicators", card, StringComparison.Ordinal);
            // s3 reads its district's own table (para 12(1)), named by the district's education department
            Assert.Contains("Сарыарқа", await page.Locator("[data-testid='frost-decision'] li[data-organisation='s3']").InnerTextAsync(),
                StringComparison.Ordinal);
            Assert.Contains(await s1.GetAttributeAsync("data-state"), new[] { "not-yet", "ordered", "late" });
            Assert.Contains("хабардар етілді", await s1.Locator("[data-testid='parents-reached']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, "frost-02-schools-kk");
            await ScreenChecks.AssertFitsWidthAsync(page, "frost decision 390px kk");
            await ScreenChecks.AssertOneLanguageAsync(page, "kk", "frost decision");

            // and in Russian the same schools
            await page.Locator("#language").SelectOptionAsync("ru");
            await page.WaitForFunctionAsync("() => document.documentElement.lang === 'ru'");
            await page.Locator("[data-testid='frost-decision'] dt", new PageLocatorOptions { HasTextString = "Предложение" }).First.WaitForAsync();
            Assert.Contains("оповещено", await s1.Locator("[data-testid='parents-reached']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, "frost-03-schools-ru");
            await ScreenChecks.AssertFitsWidthAsync(page, "frost decision 390px ru");
            await ScreenChecks.AssertOneLanguageAsync(page, "ru", "frost decision");
            await page.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "frost-failure");
            throw;
        }
    }
}
