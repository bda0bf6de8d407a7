using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// Readiness for distance learning in the web app (349 Annex 1 / 103 Annex 3 para 1): a head attests item by item with
/// evidence and sees the API's refusal under the field; the regional officer reads, filters and downloads the overview,
/// in Kazakh and in Russian. The demo data leaves school s2 without an LMS.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadinessScreensTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_head_attests_readiness_and_a_met_item_without_its_evidence_is_refused_under_its_field()
    {
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // given the head of s3, whose demo record meets every requirement
            await BrowserFixture.SignInAsync(page, "head.s3");
            await page.Locator("nav.main-nav a[href='/app/readiness/attest']").ClickAsync();
            await page.Locator("[data-testid='readiness-form'] fieldset[data-key='lms']").WaitForAsync();
            Assert.Equal("ready", await page.Locator("[data-testid='readiness-summary']").GetAttributeAsync("data-status"));
            Assert.Contains("оқытуды басқару жүйесінің болуы",
                await page.Locator("fieldset[data-key='lms'] legend").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator("fieldset[data-key='tvetProgramme']").CountAsync());
            Assert.StartsWith("3-қосымша, 1-тармақ, 3) тармақша", await page.Locator("fieldset[data-key='lms'] legend").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, "readiness-01-attest-kk");

            // when the LMS stays met but its address is removed
            await page.Locator("#evidence-lms-lmsUrl").FillAsync(string.Empty);
            await page.Locator("#attest").ClickAsync();

            // then the API's refusal shows under that field, in Kazakh
            var error = page.Locator("[data-field='items[2].evidence.lmsUrl']");
            await Assertions.Expect(error).ToContainTextAsync("міндетті");
            await BrowserFixture.ShotAsync(page, "readiness-02-attest-refused-kk");

            // when the address is given, and the page is read in Russian
            await page.Locator("#evidence-lms-lmsUrl").FillAsync("https://lms.gymnasium3.kz");
            await page.Locator("#attest").ClickAsync();
            await page.Locator(".readiness-attest .notice-success").WaitForAsync();
            await page.Locator("#language").SelectOptionAsync("ru");

            // then the attestation is saved and every requirement reads in Russian
            await Assertions.Expect(page.Locator("fieldset[data-key='lms'] legend")).ToContainTextAsync("наличие системы управления обучением");
            await Assertions.Expect(page.Locator("[data-testid='readiness-summary']")).ToContainTextAsync("соответствует");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Подтверждение готовности к дистанционному обучению");
            await BrowserFixture.ShotAsync(page, "readiness-03-attest-ru");
            await page.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "readiness-attest-failure");
            throw;
        }
    }

    [Fact]
    public async Task The_regional_officer_sees_the_school_without_an_LMS_filters_to_it_and_downloads_the_CSV()
    {
        // (on a 1,366 px screen, the officer's laptop: the table fits without a horizontal scroll)
        var page = await fixture.NewPageAsync(1366, 768);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // given the regional officer of r1
            await BrowserFixture.SignInAsync(page, "regional.r1");

            // when the readiness overview opens
            await page.Locator("nav.main-nav a[href='/app/readiness']").ClickAsync();
            await page.Locator("[data-testid='readiness-table'] tr[data-organisation='s2']").WaitForAsync();

            // then every school and the college are listed, s2 as incomplete with its missing LMS, in Kazakh
            Assert.Equal(4, await page.Locator("[data-testid='readiness-table'] tbody tr").CountAsync());
            var s2 = page.Locator("tr[data-organisation='s2']");
            Assert.Equal("incomplete", await s2.GetAttributeAsync("data-status"));
            await Assertions.Expect(s2.Locator("li[data-key='lms']")).ToContainTextAsync("оқытуды басқару жүйесінің болуы");
            await Assertions.Expect(s2).ToContainTextAsync("толық емес");
            await BrowserFixture.ShotAsync(page, "readiness-04-overview-kk");
            await ScreenChecks.AssertFitsWidthAsync(page, "readiness overview kk");
            // and each attestation names the head who signed it as a person, not the account (head.s1)
            var attested = await page.Locator("tr[data-organisation='s1'] td").Nth(5).InnerTextAsync();
            Assert.DoesNotContain("head.", attested, StringComparison.Ordinal);
            Assert.Matches(@"^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+(ұлы|қызы), ", attested);

            // when it is filtered to the incomplete ones and downloaded
            await page.Locator("#filter-status").SelectOptionAsync("incomplete");
            await Assertions.Expect(page.Locator("[data-testid='readiness-table'] tbody tr")).ToHaveCountAsync(1);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
            var csv = await File.ReadAllTextAsync(await download.PathAsync());

            // then the CSV holds that school alone, with the Kazakh titles
            Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
            var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("Код,Ұйым,Аудан,Күйі", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("s2,", lines[1], StringComparison.Ordinal);

            // when the page is read in Russian
            await page.Locator("#language").SelectOptionAsync("ru");

            // then the titles and the missing requirement read in Russian
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Готовность организаций к дистанционному обучению");
            await Assertions.Expect(s2.Locator("li[data-key='lms']")).ToContainTextAsync("наличие системы управления обучением");
            await Assertions.Expect(s2).ToContainTextAsync("не полностью");
            await BrowserFixture.ShotAsync(page, "readiness-05-overview-ru");
            await ScreenChecks.AssertFitsWidthAsync(page, "readiness overview ru");
            await page.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "readiness-overview-failure");
            throw;
        }
    }

    [Fact]
    public async Task The_head_sees_on_an_individual_transfer_case_that_the_school_lacks_an_LMS()
    {
        // given a parent's application at s2, the demo school without an LMS
        using var clerk = await fixture.ClientForAsync("clerk.s2");
        using var students = JsonDocument.Parse(await clerk.GetStringAsync("/api/students?organisation=s2&pageSize=1"));
        using var filed = await clerk.PostAsync("/api/cases", new StringContent(JsonSerializer.Serialize(new
        {
            pathway = "parent-application", studentIin = students.RootElement.GetProperty("items")[0].GetProperty("iin").GetString(),
            ground = "parent", filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }), Encoding.UTF8, "application/json"));
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await filed.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when the head opens the case page
            await BrowserFixture.SignInAsync(page, "head.s2");
            await page.GotoAsync($"/app/cases/{id}");

            // then the school's readiness shows with the missing LMS (2023 Annex 2 para 11(1)), in Kazakh, then in Russian
            var readiness = page.Locator("[data-testid='case-readiness']");
            await Assertions.Expect(readiness.Locator("[data-testid='readiness-summary']")).ToHaveAttributeAsync("data-status", "incomplete");
            await Assertions.Expect(readiness.Locator("li[data-key='lms']")).ToContainTextAsync("оқытуды басқару жүйесінің болуы");
            await BrowserFixture.ShotAsync(page, "readiness-06-case-kk");
            await page.Locator("#language").SelectOptionAsync("ru");
            await Assertions.Expect(readiness.Locator("h2")).ToHaveTextAsync("Готовность организации к дистанционному обучению");
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("[data-testid='case-readiness'] li[data-key='lms']")).ToContainTextAsync("наличие системы управления обучением");
            await BrowserFixture.ShotAsync(page, "readiness-07-case-ru");
            await page.Locator("#language").SelectOptionAsync("kk");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "readiness-case-failure");
            throw;
        }
    }
}
