using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The clerk's and the parent's screens in Kazakh and in Russian: one language per screen (no English, no sentence of the
/// other catalogue), axe-core without critical or serious findings, typed values kept across a language switch, a
/// styled date picker in the screen's language showing dd.mm.yyyy in an en-US browser, and a parent's phone that never
/// scrolls sideways.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class OneLanguageScreensTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly Dictionary<string, string[]> Months = new()
    {
        ["kk"] = ["Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр", "Маусым", "Шілде", "Тамыз", "Қыркүйек", "Қазан", "Қараша", "Желтоқсан"],
        ["ru"] = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь", "Ноябрь", "Декабрь"],
    };

    [Theory]
    [InlineData("kk", "ru")]
    [InlineData("ru", "kk")]
    public async Task Clerk_files_and_completes_a_task_in_one_language_keeping_what_was_typed(string language, string other)
    {
        // given the tests' pathway in force, parent.p1's child on the rosters of s1, and a clerk whose browser is en-US
        await fixture.EnsureBrowserApplicationAsync();
        var (iin, fullName) = await ChildAsync();
        var page = await fixture.NewPageAsync(1366, 768, "en-US", injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(page, "clerk.s1");
            await ChooseLanguageAsync(page, language);

            // when the clerk opens the filing form
            await page.GotoAsync("/app/cases");
            var pathway = page.Locator("#case-pathway");
            await pathway.WaitForAsync();

            // then no pathway is preselected, the pathways are named, and those started by an order or a frost are absent
            Assert.Equal(string.Empty, await pathway.InputValueAsync());
            var options = await pathway.Locator("option").AllInnerTextsAsync();
            Assert.Contains(language == "kk" ? "Ата-ананың өтініші бойынша" : "По заявлению родителей", options);
            Assert.DoesNotContain(await pathway.Locator("option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)"),
                v => v is "weather" or "emergency-transfer" or "parent-application-x");

            // and when the clerk types a ground, finds the child by part of the name and switches the language twice
            await page.Locator("#case-ground").FillAsync("Ата-ананың өтініші 2026");
            var namePart = fullName.Split(' ')[0];
            await page.Locator("#case-student").FillAsync(namePart);
            await page.Locator($"#case-student-results button[data-iin='{iin}']").ClickAsync();
            await page.Locator("[data-testid='student-chosen']", new PageLocatorOptions { HasTextString = iin }).WaitForAsync();
            await ChooseLanguageAsync(page, other);
            await ChooseLanguageAsync(page, language);

            // then the typed ground and the chosen student are still there
            Assert.Equal("Ата-ананың өтініші 2026", await page.Locator("#case-ground").InputValueAsync());
            Assert.Contains(fullName, await page.Locator("[data-testid='student-chosen']").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, $"lang-{language}-01-file-case");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "cases");
            await ScreenChecks.AssertAccessibleAsync(page, "cases");

            // and the case is filed for the confirmed child
            await pathway.SelectOptionAsync(BrowserApplication.Key);
            await page.Locator("#file-case").ClickAsync();
            await page.Locator(".steps li[data-element-id='review']").WaitForAsync();
            var caseNumber = await page.Locator("h1[data-case-number]").GetAttributeAsync("data-case-number") ?? string.Empty;
            Assert.Contains(fullName, await page.Locator(".facts").InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, $"lang-{language}-02-case");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "case");
            await ScreenChecks.AssertAccessibleAsync(page, "case");

            // when the clerk opens the inbox
            await page.GotoAsync("/app/inbox");
            var row = page.Locator("tr[data-task-id]", new PageLocatorOptions { HasTextString = caseNumber });
            await row.WaitForAsync();

            // then the task's row names the student, the dates are dd.mm.yyyy, and the inbox is counted
            Assert.Contains(fullName, await row.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Matches(@"\d{2}\.\d{2}\.\d{4}", await row.InnerTextAsync());
            Assert.Matches(language == "kk" ? @"Барлығы: \d+ / \d+" : @"Всего: \d+ / \d+", await page.Locator("[data-testid='inbox-count']").InnerTextAsync());
            await BrowserFixture.ShotAsync(page, $"lang-{language}-03-inbox");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "inbox");
            await ScreenChecks.AssertAccessibleAsync(page, "inbox");

            // when the task is opened, claimed and completed empty
            await row.Locator("td").First.Locator("a").ClickAsync();
            await page.Locator("#claim").ClickAsync();
            await page.Locator(".notice-success").WaitForAsync();
            await page.Locator("#complete").ClickAsync();

            // then form-js's own message is in the screen's language, in red
            var required = page.Locator("[data-testid='task-form'] .fjs-form-field-error",
                new PageLocatorOptions { HasTextString = language == "kk" ? "Толтыру міндетті." : "Обязательное поле." });
            await required.First.WaitForAsync();
            var rgb = Regex.Matches(await required.First.EvaluateAsync<string>("e => getComputedStyle(e).color"), @"\d+").Select(m => int.Parse(m.Value)).ToList();
            Assert.True(rgb[0] > 150 && rgb[1] < 90 && rgb[2] < 90, $"error colour rgb({string.Join(",", rgb)}) is not red");

            // and the labels are in one language only
            var label = language == "kk" ? "Ұсыныс" : "Рекомендация";
            await page.GetByLabel(label).FillAsync("қашықтан / дистанционно");

            // when the date picker is opened
            var date = page.Locator("[data-testid='task-form'] input.flatpickr-input");
            await date.ClickAsync();
            var calendar = page.Locator(".flatpickr-calendar.open");
            await calendar.WaitForAsync();
            await BrowserFixture.ShotAsync(page, $"lang-{language}-04-date-picker");

            // then it is styled (a floating calendar of flatpickr's size, small chevrons) and its months are in the screen's language
            var style = await calendar.EvaluateAsync<JsonElement>("""
                c => ({ position: getComputedStyle(c).position, width: c.getBoundingClientRect().width,
                         chevron: document.querySelector('.flatpickr-calendar.open .flatpickr-next-month svg').getBoundingClientRect().height,
                         dayWidth: document.querySelector('.flatpickr-calendar.open .flatpickr-day').getBoundingClientRect().width,
                         page: document.documentElement.scrollHeight })
                """);
            Assert.Equal("absolute", style.GetProperty("position").GetString());
            Assert.InRange(style.GetProperty("width").GetDouble(), 250, 340);
            Assert.InRange(style.GetProperty("chevron").GetDouble(), 6, 20);
            Assert.InRange(style.GetProperty("dayWidth").GetDouble(), 30, 45);
            Assert.True(style.GetProperty("page").GetDouble() < 1400, $"page grew to {style.GetProperty("page")} px");
            var month = await calendar.Locator(".flatpickr-monthDropdown-months option:checked, .cur-month").First.InnerTextAsync();
            Assert.Contains(month.Trim(), Months[language]);

            // and a picked day shows as dd.mm.yyyy although the browser is en-US
            await calendar.Locator(".flatpickr-day.today").ClickAsync();
            var picked = await date.InputValueAsync();
            Assert.Matches(@"^\d{2}\.\d{2}\.\d{4}$", picked);

            // when the language is switched with the form filled in
            await ChooseLanguageAsync(page, other);
            var otherLabel = other == "kk" ? "Ұсыныс" : "Рекомендация";
            var relabelled = page.GetByLabel(otherLabel);
            await relabelled.WaitForAsync();

            // then the typed values stay, and the form speaks the other language
            Assert.Equal("қашықтан / дистанционно", await relabelled.InputValueAsync());
            Assert.Equal(picked, await date.InputValueAsync());
            await BrowserFixture.ShotAsync(page, $"lang-{language}-05-task-switched");
            await ScreenChecks.AssertOneLanguageAsync(page, other, "task (switched)");
            await ChooseLanguageAsync(page, language);
            await page.GetByLabel(label).WaitForAsync();
            await ScreenChecks.AssertOneLanguageAsync(page, language, "task");
            await ScreenChecks.AssertAccessibleAsync(page, "task");

            // when the task is completed, then the way back to the inbox is offered
            await page.Locator("#complete").ClickAsync();
            await page.Locator("#back-to-inbox").WaitForAsync();
            await BrowserFixture.ShotAsync(page, $"lang-{language}-06-completed");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "task completed");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"lang-{language}-failure");
            throw;
        }
    }

    [Theory]
    [InlineData("kk", 390, 844)]
    [InlineData("ru", 390, 844)]
    [InlineData("kk", 360, 740)]
    public async Task Parent_on_a_phone_reads_the_tracker_in_one_language_without_scrolling_sideways(string language, int width, int height)
    {
        // given a case of parent.p1's child, filed by the clerk
        await fixture.EnsureBrowserApplicationAsync();
        var (iin, _) = await ChildAsync();
        using var clerk = await fixture.ClientForAsync("clerk.s1");
        using var filed = await clerk.PostAsJsonAsync("/api/cases", new
        {
            pathway = BrowserApplication.Key, studentIin = iin, ground = "Өтініш", filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var caseId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var page = await fixture.NewPageAsync(width, height, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when parent.p1 signs in on a phone and chooses the language
            await BrowserFixture.SignInAsync(page, "parent.p1");
            await ChooseLanguageAsync(page, language);
            var card = page.Locator($"article[data-case-id='{caseId}']");
            await card.WaitForAsync();
            await page.Locator("[data-testid='tracker-notices'] h2").WaitForAsync();
            await BrowserFixture.ShotAsync(page, $"phone-{width}-{language}-01-tracker");

            // then nothing is wider than the phone, the language switch is on screen, all in one language, and axe finds nothing grave
            await ScreenChecks.AssertFitsWidthAsync(page, $"tracker {width}px {language}");
            var switchBox = await page.Locator("#language").BoundingBoxAsync();
            Assert.NotNull(switchBox);
            Assert.True(switchBox.X >= 0 && switchBox.X + switchBox.Width <= width, $"language switch at {switchBox.X}+{switchBox.Width}");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "tracker");
            await ScreenChecks.AssertAccessibleAsync(page, "tracker");

            // and the staff case page (internal journal, council members' names) is not open to a parent
            await page.GotoAsync($"/app/cases/{caseId}");
            await page.Locator(".notice-error").WaitForAsync();
            Assert.Equal(0, await page.Locator("[data-testid='case-history'], .timeline").CountAsync());
            await BrowserFixture.ShotAsync(page, $"phone-{width}-{language}-02-staff-page-refused");
            await ScreenChecks.AssertFitsWidthAsync(page, $"refused {width}px {language}");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "refused");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"phone-{width}-{language}-failure");
            throw;
        }
    }

    [Theory]
    [InlineData("legal.r1", "kk")]
    [InlineData("legal.r1", "ru")]
    [InlineData("regional.r1", "kk")]
    [InlineData("regional.r1", "ru")]
    public async Task Each_role_s_main_screens_are_in_one_language_and_pass_axe(string user, string language)
    {
        // given a person of the legal department or the regional office, in a language
        var screens = user.StartsWith("legal", StringComparison.Ordinal)
            ? new[] { ("definitions", "/app/definitions", "[data-testid='definitions'], table.data"), ("modeler", "/app/definitions/parent-application/versions/1", ".djs-palette"),
                ("compare", "/app/definitions/parent-application/compare?from=1&to=2", "[data-testid='diff-list'] li") }
            : new[] { ("orders", "/app/emergency-orders", "h1"), ("dashboard", "/app/dashboard", ".panel") };
        var page = await fixture.NewPageAsync(1366, 768, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            await BrowserFixture.SignInAsync(page, user);
            await ChooseLanguageAsync(page, language);
            foreach (var (name, path, ready) in screens)
            {
                // when each of their screens is opened
                await page.GotoAsync(path);
                await page.Locator(ready).First.WaitForAsync();
                await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
                await BrowserFixture.ShotAsync(page, $"role-{user}-{language}-{name}");

                // then it speaks one language, the main heading has the focus, and axe-core finds nothing critical or serious
                await ScreenChecks.AssertOneLanguageAsync(page, language, name);
                Assert.Equal("H1", await page.EvaluateAsync<string>("() => document.activeElement?.tagName ?? ''"));
                await ScreenChecks.AssertAccessibleAsync(page, name);
            }
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"role-{user}-{language}-failure");
            throw;
        }
    }

    [Fact]
    public async Task The_built_front_end_is_served_compressed_and_cached_immutable_with_the_index_revalidated()
    {
        // given the API serving the built front-end
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(fixture.Origin),
        };

        // when a browser asks for the app and its entry script, accepting Brotli
        using var indexRequest = new HttpRequestMessage(HttpMethod.Get, "/app/");
        using var index = await http.SendAsync(indexRequest);
        var html = await index.Content.ReadAsStringAsync();
        var entry = EntryScript().Match(html);
        Assert.True(entry.Success, html);
        using var request = new HttpRequestMessage(HttpMethod.Get, entry.Groups["path"].Value);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        using var script = await http.SendAsync(request);

        // then the script comes in Brotli, cached for a year as immutable, and the index is revalidated
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(["br"], script.Content.Headers.ContentEncoding);
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl?.ToString());
        Assert.True(index.Headers.CacheControl?.NoCache, index.Headers.CacheControl?.ToString());
        using var icon = await http.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator("#language").SelectOptionAsync(language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
        // Screens without their own relabel are drawn again; wait until the outlet holds a screen, not the loading line.
        await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
    }

    private async Task<(string Iin, string FullName)> ChildAsync()
    {
        using var parent = await fixture.ClientForAsync("parent.p1");
        using var children = JsonDocument.Parse(await parent.GetStringAsync("/api/parents/me/children"));
        var child = children.RootElement[0];
        return (child.GetProperty("iin").GetString()!, child.GetProperty("fullName").GetString()!);
    }

    [GeneratedRegex("""src="(?<path>/app/assets/index-[^"]+\.js)""")]
    private static partial Regex EntryScript();
}
