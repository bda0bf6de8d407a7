using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The university registrar at 1,366 px, in Kazakh and in Russian: the inbox names each case's programme and faculty, and
/// the regional emergency order is registered with its issuer chosen from the regional education departments (order 97
/// para 2), never typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UniversityStaffScreensTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task The_registrar_sees_programme_and_faculty_in_the_inbox_and_picks_the_emergency_issuer_from_the_list(string language)
    {
        var kk = language == "kk";
        // given a case of the economics student (programme 6B04101, faculty of economics and law) waiting for the registrar
        using var registrarApi = await fixture.ClientForAsync("registrar.u1");
        var students = await registrarApi.GetFromJsonAsync<JsonElement>("/api/students?organisation=u1&pageSize=50");
        var iin = students.GetProperty("items").EnumerateArray()
            .First(s => s.GetProperty("fullName").GetString() == "Жақсылықов Ерлан Бауыржанұлы").GetProperty("iin").GetString();
        using var filed = await registrarApi.PostAsJsonAsync("/api/cases", new
        {
            pathway = "university-distance", studentIin = iin, ground = "vkk",
            filedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            language,
        });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        var caseId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var page = await fixture.NewPageAsync(1366, 768);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(page, "registrar.u1");
            await ChooseLanguageAsync(page, language);

            // when the registrar opens the inbox
            await page.GotoAsync("/app/inbox");
            var row = page.Locator($"tr:has(a[href='/app/cases/{caseId}'])");
            await row.WaitForAsync();

            // then the case's row names the programme and the faculty in the screen's language
            var study = await row.Locator("[data-testid='task-study']").InnerTextAsync();
            Assert.Contains("Экономика (6B04101)", study, StringComparison.Ordinal);
            Assert.Contains(kk ? "Экономика және құқық факультеті" : "Факультет экономики и права", study, StringComparison.Ordinal);
            Assert.Contains(kk ? "Бағдарлама, факультет" : "Программа, факультет", await page.Locator("table.data thead").InnerTextAsync(),
                StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, $"university-{language}-01-inbox");
            await ScreenChecks.AssertFitsWidthAsync(page, "university inbox");

            // when the emergency screen is sent with no issuer chosen
            await page.Locator("nav.main-nav a[href='/app/university-emergency']").ClickAsync();
            await page.Locator("[data-testid='university-emergency-form']").WaitForAsync();
            await page.Locator("#uem-register").ClickAsync();

            // then the server's refusal names the issuer field in the screen's language
            var issuerError = page.Locator(".field-error[data-field='issuingBody']:not(:empty)");
            await issuerError.WaitForAsync();
            Assert.Contains(kk ? "білім басқармасы" : "управление образования", await issuerError.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
            await BrowserFixture.ShotAsync(page, $"university-{language}-02-emergency-errors");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "university emergency");
            await ScreenChecks.AssertFitsWidthAsync(page, "university emergency");

            // when the issuer is found by name in the list of regional departments and the order sent
            // (answered here, not by the server: a registered emergency would move every u1 student the other tests use)
            var search = page.Locator("#uem-issuer-search");
            await search.FillAsync(kk ? "Астана" : "Астаны");
            await page.Locator("input[name='uem-issuer'][value='r1']").CheckAsync();
            Assert.Equal(0, await page.Locator("input[name='uem-issuer'][value='s1'], input[name='uem-issuer'][value='u1']").CountAsync());
            await page.Locator("#uem-number").FillAsync("ЧС-" + language);
            await page.Locator("#uem-ground").FillAsync(kk ? "Карантин" : "Карантин");
            string? sent = null;
            await page.RouteAsync("**/api/universities/emergency-transfers", async route =>
            {
                sent = route.Request.PostData;
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    Status = 201, ContentType = "application/json",
                    Body = """{"processInstanceId":"019ab5d2-7c1e-7a30-9d0e-5f4c3b2a1908","definitionVersion":1,"organisation":"u1"}""",
                });
            });
            await page.Locator("#uem-register").ClickAsync();

            // then the code of the chosen department is what is sent, and the registration is confirmed in words
            await page.Locator("[data-testid='uem-status'] .notice, [data-testid='uem-status'] [role='status']").First.WaitForAsync();
            Assert.NotNull(sent);
            using var body = JsonDocument.Parse(sent!);
            Assert.Equal("r1", body.RootElement.GetProperty("issuingBody").GetString());
            Assert.Contains("ЧС-" + language, await page.Locator("[data-testid='uem-status']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, $"university-{language}-03-emergency-registered");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"university-{language}-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator("#language").SelectOptionAsync(language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
        await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
    }
}
