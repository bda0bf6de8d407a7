using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// A university student on a 390 px phone, in Kazakh and in Russian: signs in to their own screen, files a transfer on a
/// VKK conclusion with the form and the conclusion attached (order 97 para 9, 11), then follows it through the
/// registrar's and the dean's steps to the decision and its notice, readable as a PDF; no staff page opens for them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StudentScreensTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("kk", "student.u1")]
    [InlineData("ru", "student3.u1")]
    public async Task Student_files_their_own_case_on_a_phone_and_follows_it_to_the_decision(string language, string student)
    {
        var kk = language == "kk";
        var page = await fixture.NewPageAsync(390, 844);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // given a student signed in: they land on their own screen, in the chosen language
            await BrowserFixture.SignInAsync(page, student);
            await page.WaitForURLAsync("**/app/my-cases");
            await ChooseLanguageAsync(page, language);
            await page.Locator("[data-testid='student-apply']").WaitForAsync();
            await BrowserFixture.ShotAsync(page, $"student-{language}-00-home");
            await ScreenChecks.AssertFitsWidthAsync(page, "student home");

            Assert.False(await page.Locator("label.student-evidence").IsVisibleAsync());

            // the pathways they may file are offered by name, none chosen; sending without one names the field
            var pathway = page.Locator("[data-testid='student-pathway']");
            Assert.Equal(string.Empty, await pathway.InputValueAsync());
            var names = await pathway.Locator("option").AllInnerTextsAsync();
            Assert.Contains(kk ? "ЖОО: ДКК қорытындысы немесе жарыс бойынша қашықтан оқыту" : "Вуз: дистанционное обучение по заключению ВКК или для соревнований", names);
            Assert.DoesNotContain(names, n => n.Contains("university-", StringComparison.Ordinal));
            await page.Locator("[data-testid='student-submit']").ClickAsync();
            await page.Locator(".field-error:not(:empty)", new PageLocatorOptions { HasTextString = kk ? "Процесті таңдаңыз" : "Выберите процесс" }).WaitForAsync();

            // when they choose the transfer, the application form shows in one language, with the evidence it asks
            await pathway.SelectOptionAsync("university-distance");
            var form = page.Locator("[data-testid='student-form']");
            await form.GetByLabel(kk ? "Құжат нөмірі" : "Номер документа").WaitForAsync();
            Assert.Contains(kk ? "ДКК қорытындысы немесе уәкілетті органның хаты" : "Заключение ВКК или письмо уполномоченного органа",
                await page.Locator("label.student-evidence").InnerTextAsync());
            // (sending the empty form: the required fields and the missing file are named, in the screen's language)
            await page.Locator("[data-testid='student-submit']").ClickAsync();
            await page.Locator("label.student-evidence .field-error:not(:empty)").WaitForAsync();
            await form.Locator(".fjs-form-field-error").First.WaitForAsync();
            await BrowserFixture.ShotAsync(page, $"student-{language}-01-form-errors");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "student form");
            await ScreenChecks.AssertFitsWidthAsync(page, "student form");

            await form.Locator(".fjs-form-field-select .fjs-input-group").ClickAsync();
            await page.Locator(".fjs-dropdownlist-item", new PageLocatorOptions { HasTextString = kk ? "ДКК қорытындысы" : "Заключение ВКК" }).ClickAsync();
            Assert.Contains(kk ? "ДКК қорытындысы" : "Заключение ВКК", await form.Locator(".fjs-select-display").InnerTextAsync());
            await form.GetByLabel(kk ? "Құжат нөмірі" : "Номер документа").FillAsync("ВКК-" + language);
            await form.GetByLabel(kk ? "Берген ұйым" : "Выдавшая организация").FillAsync("Қалалық емхана № 7");
            var dates = form.Locator("input.flatpickr-input");
            for (var i = 0; i < await dates.CountAsync(); i++)
            {
                await dates.Nth(i).ClickAsync();
                await page.Locator(".flatpickr-calendar.open .flatpickr-day.today").ClickAsync();
            }

            await page.Locator("[data-testid='student-evidence']").SetInputFilesAsync(new FilePayload
            {
                Name = "vkk-conclusion.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
            });
            await BrowserFixture.ShotAsync(page, $"student-{language}-02-form-filled");
            await page.Locator("[data-testid='student-submit']").ClickAsync();

            // then the case is listed with its status in plain words and the registrar's step as the next one
            var card = page.Locator("[data-testid='student-case']").First;
            await page.Locator(".notice-success").WaitForAsync();
            await card.Locator("[data-testid='student-next']").WaitForAsync();
            Assert.Contains(kk ? "өтінішіңіз қаралуда" : "ваше заявление рассматривается", await card.Locator("[data-testid='student-status']").InnerTextAsync());
            Assert.Contains(kk ? "ДКК қорытындысы немесе хатпен өтінішті тіркеу" : "Регистрация заявления с заключением ВКК или письмом",
                await card.Locator("[data-testid='student-next']").InnerTextAsync());
            var caseId = await card.GetAttributeAsync("data-case-id") ?? string.Empty;
            await BrowserFixture.ShotAsync(page, $"student-{language}-03-filed");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "student filed");
            await ScreenChecks.AssertFitsWidthAsync(page, "student filed");

            // when the registrar registers it and the dean plans more disciplines at a distance than the cap allows
            // (the registrar's form names the file the student attached: order 97 para 11, no registration without it)
            using var registrar = await fixture.ClientForAsync("registrar.u1");
            var evidence = await registrar.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/evidence");
            Assert.Equal("application/pdf", Assert.Single(evidence.EnumerateArray()).GetProperty("mediaType").GetString());
            await CompleteAsync("registrar.u1", caseId, "registerApplication", new
            {
                documentEvidenceId = evidence[0].GetProperty("id").GetString(), reason = "vkk", documentNumber = "ВКК-" + language, documentDate = Day(-1), issuer = "Поликлиника № 7",
                periodFrom = Day(0), periodTo = Day(30),
            });
            await CompleteAsync("dean.u1", caseId, "deanReview", new
            {
                deanDecision = "approve", distanceDisciplines = new[] { "D02", "D03", "D04" }, distancePercent = 20, format = "async", schedule = "—",
            });

            // then the student reads the decision and the notice by its title, with a PDF to read on the phone
            // (the refusal's notice is rendered by a step of its own after the dean's review: the student looks again)
            card = page.Locator($"[data-testid='student-case'][data-case-id='{caseId}']");
            for (var attempt = 0; attempt < 30; attempt++)
            {
                await page.ReloadAsync();
                await card.Locator("[data-testid='student-status']").WaitForAsync();
                if (await card.Locator("[data-testid='tracker-documents']").CountAsync() > 0)
                {
                    break;
                }

                await Task.Delay(2000);
            }

            await BrowserFixture.ShotAsync(page, $"student-{language}-04-decision");
            await card.Locator("[data-testid='student-decisions']").WaitForAsync();
            await card.Locator("[data-testid='tracker-documents']").WaitForAsync();
            Assert.Contains(kk ? "бас тартылды" : "отказано", await card.Locator("[data-testid='student-status']").InnerTextAsync());
            Assert.Equal(0, await card.Locator("[data-testid='student-next']").CountAsync());
            Assert.Contains(kk ? "Білім алушыға хабарлама" : "Уведомление обучающемуся", await card.Locator("[data-testid='tracker-documents']").InnerTextAsync());
            Assert.Equal(kk ? "PDF түрінде оқу" : "Читать в PDF", (await card.Locator("[data-testid='read-pdf']").First.InnerTextAsync()).Trim());
            await ScreenChecks.AssertOneLanguageAsync(page, language, "student decision");
            await ScreenChecks.AssertFitsWidthAsync(page, "student decision");

            // and no staff page opens for a student: the inbox and the staff case page are refused by the app's routes
            foreach (var path in new[] { "/app/inbox", $"/app/cases/{caseId}", "/app/cases", "/app/definitions" })
            {
                await page.GotoAsync(path);
                await page.Locator("#outlet .notice-error").WaitForAsync();
                Assert.Equal(0, await page.Locator("[data-testid='inbox-count'], .steps, [data-testid='file-case']").CountAsync());
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // and on a laptop (1366 x 768) the same screen fits and speaks one language
        var desktop = await fixture.NewPageAsync(1366, 768);
        desktop.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(desktop, student);
            await ChooseLanguageAsync(desktop, language);
            await desktop.Locator("[data-testid='student-case']").First.WaitForAsync();
            await desktop.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await desktop.Locator("[data-testid='student-pathway']").SelectOptionAsync("university-distance");
            await desktop.Locator("[data-testid='student-form'] .fjs-form-field-select").WaitForAsync();
            Assert.Equal("university-distance", await desktop.Locator("[data-testid='student-pathway']").InputValueAsync());
            await BrowserFixture.ShotAsync(desktop, $"student-{language}-05-desktop");
            await ScreenChecks.AssertOneLanguageAsync(desktop, language, "student desktop");
            await ScreenChecks.AssertFitsWidthAsync(desktop, "student desktop");
        }
        finally
        {
            await desktop.Context.CloseAsync();
        }

        // and the registrar's case page names the student's programme, faculty and university, not their codes
        var staff = await fixture.NewPageAsync(1366, 768);
        staff.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(staff, "registrar.u1");
            await ChooseLanguageAsync(staff, language);
            await staff.GotoAsync("/app/cases");
            var row = staff.Locator("tr", new PageLocatorOptions { HasTextString = kk ? "ЖОО: ДКК қорытындысы немесе жарыс" : "Вуз: дистанционное обучение по заключению ВКК" }).First;
            await row.WaitForAsync();
            await row.Locator("a").First.ClickAsync();
            var facts = staff.Locator("dl.facts");
            await facts.WaitForAsync();
            var text = await facts.InnerTextAsync();
            await BrowserFixture.ShotAsync(staff, $"student-{language}-06-registrar-case");
            Assert.Contains(kk ? "Білім беру бағдарламасы" : "Образовательная программа", text);
            Assert.DoesNotContain("university-distance", text);
            Assert.DoesNotMatch(@"(?m)^\s*u1\s*$", text);
            Assert.Equal("Жұмабекова Сәуле Нұрланқызы", await staff.Locator("[data-testid='user-name']").InnerTextAsync());
            Assert.Equal(0, await staff.Locator("[data-testid='case-readiness']").CountAsync());
            Assert.DoesNotMatch(@"\b(student|registrar|dean|rector)\b", text);

            // and the case history names the registrar and the dean who decided as people, not as accounts
            var history = await staff.Locator("[data-testid='case-history']").InnerTextAsync();
            Assert.Contains("Жұмабекова Сәуле Нұрланқызы", history, StringComparison.Ordinal);
            Assert.Contains("Әбілов Ерлан Қайратұлы", history, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b(registrar|dean)\.u1\b", history);
        }
        finally
        {
            await staff.Context.CloseAsync();
        }
    }

    private static string Day(int days) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task CompleteAsync(string user, string caseId, string element, object data)
    {
        using var client = await fixture.ClientForAsync(user);
        string? taskId = null;
        for (var attempt = 0; attempt < 60 && taskId is null; attempt++)
        {
            var tasks = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}&element={element}");
            taskId = tasks.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).FirstOrDefault();
            if (taskId is null)
            {
                await Task.Delay(500);
            }
        }

        Assert.NotNull(taskId);
        using var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { data });
        Assert.True(response.IsSuccessStatusCode, $"{user} {element}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator("#language").SelectOptionAsync(language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
        await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
    }
}
