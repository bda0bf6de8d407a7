using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The legal editor in the lawyer's words, in Kazakh and in Russian: a deadline chosen as number and unit (written as
/// ISO 8601, read as words), roles, forms and documents chosen by name, the diagram naming each step in the screen's
/// language and following an edited label, validation and comparison without element ids, attribute names or ISO
/// durations, and the dry run marking its path on the diagram.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LegalEditorWordsTests(BrowserFixture fixture)
{
    private const string ParentApplication = "parent-application";
    private const string Step = "psychologistConclusion";
    private const string Key = "browser-lawyer-words";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly SemaphoreSlim Creating = new(1, 1);

    /// <summary>A step of the tests' own pathway, before and after an amendment that gives it five days and a new name.</summary>
    private static string Version(string labelKk, string? deadline) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          id="defs_lawyer_words" targetNamespace="http://qadam.kz/pathways">
          <bpmn:process id="{Key}" name="Заявление (браузерный тест)" isExecutable="true">
            <bpmn:startEvent id="filed" qadam:labelKk="Өтініш берілді" qadam:labelRu="Заявление подано" />
            <bpmn:userTask id="review" name="Рассмотрение заявления" qadam:candidateRoles="clerk" {(deadline is null ? "" : $"qadam:deadline=\"{deadline}\"")}
                           qadam:labelKk="{labelKk}" qadam:labelRu="Рассмотрение заявления">
              <bpmn:extensionElements>
                <qadam:legalBasis act="{BrowserApplication.Act}" edition="2025-103" paragraph="п. 28 пп. 1): рассмотрение заявления" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="decided" qadam:labelKk="Шешілді" qadam:labelRu="Решено" />
            <bpmn:sequenceFlow id="f1" sourceRef="filed" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decided" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task The_lawyer_edits_a_step_in_words_and_reads_validation_and_the_diff_without_codes(string language)
    {
        // given the parent application as seeded, and the tests' pathway in two versions (the second gives five days)
        var step = PsychologistStep();
        await EnsureTwoVersionsAsync();
        var page = await fixture.NewPageAsync(1366, 768, injectScripts: true);
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        var other = language == "kk" ? "ru" : "kk";
        try
        {
            // when legal.r1 chooses the language and opens the newest edition on the psychologist's step
            await BrowserFixture.SignInAsync(page, "legal.r1");
            await ChooseLanguageAsync(page, language);
            await page.GotoAsync($"/app/definitions/{ParentApplication}/versions/{step.Version}?element={Step}");
            await page.Locator($".djs-element.selected[data-element-id='{Step}']").WaitForAsync();

            // then the diagram names the step in the screen's language, and in the other after a switch
            Assert.Equal(Label(step, language), await DiagramTextAsync(page, Step));
            await ChooseLanguageAsync(page, other);
            await page.WaitForFunctionAsync($"t => document.querySelector(\"[data-testid='modeler-canvas'] .djs-element[data-element-id='{Step}'] text\")?.textContent.replace(/\\s+/g, ' ').trim() === t", Label(step, other));
            await ChooseLanguageAsync(page, language);
            await page.Locator($".djs-element.selected[data-element-id='{Step}']").WaitForAsync();

            // and editing the label of the screen's language renames the step on the diagram, kept across a switch
            var edited = language == "kk" ? "Психолог қорытындысы (жаңа)" : "Заключение психолога (новое)";
            var labelField = page.Locator($"#bio-properties-panel-qadam-label{(language == "kk" ? "Kk" : "Ru")}");
            await labelField.FillAsync(edited);
            await page.WaitForFunctionAsync($"t => document.querySelector(\"[data-testid='modeler-canvas'] .djs-element[data-element-id='{Step}'] text\")?.textContent.replace(/\\s+/g, ' ').trim() === t", edited);
            await ChooseLanguageAsync(page, other);
            await ChooseLanguageAsync(page, language);
            Assert.Equal(edited, await DiagramTextAsync(page, Step));

            // and the roles are ticked by name, the form and the documents offered by title, none by key
            var roles = page.Locator("#bio-properties-panel-qadam-candidateRoles");
            var psychologist = roles.Locator("input[data-role='psychologist']");
            Assert.True(await psychologist.IsCheckedAsync());
            Assert.Contains("Педагог-психолог", await roles.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(language == "kk" ? "Сынып жетекшісі" : "Классный руководитель", await roles.InnerTextAsync(), StringComparison.Ordinal);
            var form = page.Locator("#bio-properties-panel-qadam-formKey");
            Assert.Equal("psychologist-conclusion", await form.InputValueAsync());
            var formOptions = await form.Locator("option").AllInnerTextsAsync();
            Assert.Contains(edited, formOptions);
            Assert.DoesNotContain(formOptions, o => KeyLike().IsMatch(o));

            // and a deadline of five days is chosen as number and unit: the panel says it in words
            await page.Locator("#qadam-deadline-amount").FillAsync("5");
            await page.Locator("#qadam-deadline-amount").PressAsync("Tab");
            var words = page.Locator("[data-testid='deadline-words']");
            await Assertions.Expect(words).ToHaveTextAsync(language == "kk" ? "5 күнтізбелік күн" : "5 календарных дней");
            await page.Locator("#qadam-deadline-unit").SelectOptionAsync("weeks");
            await Assertions.Expect(words).ToHaveTextAsync(language == "kk" ? "5 апта" : "5 недель");
            await page.Locator("#qadam-deadline-unit").SelectOptionAsync("days");

            // and working days are a choice in words (the engine's =addWorkingDays(today(), 5)), and calendar days again
            await page.Locator("#qadam-deadline-count").SelectOptionAsync("working");
            await Assertions.Expect(words).ToHaveTextAsync(language == "kk" ? "5 жұмыс күні" : "5 рабочих дней");
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-01b-working-days");
            await page.Locator("#qadam-deadline-count").SelectOptionAsync("calendar");
            await Assertions.Expect(words).ToHaveTextAsync(language == "kk" ? "5 күнтізбелік күн" : "5 календарных дней");
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-01-panel");

            // when every role is unticked and the version validated
            await psychologist.UncheckAsync();
            var sent = await page.RunAndWaitForRequestAsync(() => page.Locator("#validate").ClickAsync(),
                request => request.Url.Contains("/api/definitions/validate", StringComparison.Ordinal));

            // then the XML sent carries the ISO duration and the labels, not the display names in place of the name
            Assert.Matches(@"qadam:deadline=\\?""P5D\\?""", sent.PostData ?? string.Empty);
            Assert.Matches(@"name=\\?""Заключение школьного психолога\\?""", sent.PostData ?? string.Empty);
            Assert.DoesNotContain($"name=\\\"{edited}", sent.PostData ?? string.Empty, StringComparison.Ordinal);
            Assert.DoesNotContain($"name=\"{edited}", sent.PostData ?? string.Empty, StringComparison.Ordinal);

            // and the problem is listed under the step's name in the screen's language, without ids or attribute names
            var problem = page.Locator($"[data-testid='problems'] li[data-element-id='{Step}']");
            await problem.WaitForAsync();
            var problemText = await problem.InnerTextAsync();
            Assert.Contains(edited, problemText, StringComparison.Ordinal);
            AssertNoCodes(await page.Locator("[data-testid='problems']").InnerTextAsync(), "problems");
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-02-problems");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "modeler");
            await psychologist.CheckAsync();

            // and the toolbar is one line at 1,366 px
            var toolbar = await page.Locator(".modeler .toolbar").BoundingBoxAsync();
            Assert.NotNull(toolbar);
            Assert.True(toolbar.Height < 60, $"the toolbar wraps: {toolbar.Height} px high");

            // and the minimap gives the overview
            await page.Locator("[data-testid='modeler-canvas'] .djs-minimap.open").WaitForAsync();

            // when the tests' pathway's two versions are compared
            await page.GotoAsync($"/app/definitions/{Key}/compare?from=1&to=2");
            var diff = page.Locator("[data-testid='diff-list']");
            await diff.Locator("li.diff-changed[data-element-id='review']").WaitForAsync();

            // then the change reads as the lawyer would write it, with the paragraph, in words
            var diffText = await diff.InnerTextAsync();
            Assert.Contains(language == "kk"
                ? "Қадам «Өтінішті тексеру»: мерзім жоқ → 5 күнтізбелік күн (п. 28 пп. 1))"
                : "Шаг «Рассмотрение заявления»: срок нет → 5 календарных дней (п. 28 пп. 1))", diffText, StringComparison.Ordinal);
            AssertNoCodes(diffText, "diff");
            Assert.Equal(language == "kk" ? "Өтінішті тексеру" : "Рассмотрение заявления", await DiagramTextAsync(page, "review", "compare-after"));
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-03-compare");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "compare");
            await ScreenChecks.AssertAccessibleAsync(page, "compare");

            // and a language switch rewords the list
            await ChooseLanguageAsync(page, other);
            await Assertions.Expect(diff).ToContainTextAsync(other == "kk" ? "5 күнтізбелік күн" : "5 календарных дней");
            await ChooseLanguageAsync(page, language);

            // when the legal editor dry-runs the parent application
            await page.GotoAsync($"/app/definitions/{ParentApplication}/versions/{step.Version}");
            await page.Locator(".djs-palette").WaitForAsync();
            await page.Locator("#dry-run").ClickAsync();
            var run = page.Locator("[data-testid='dry-run']");
            await run.Locator(".dry-run-task").First.WaitForAsync();

            // then the waiting step shows its form, and the path so far is marked on the diagram
            await run.Locator("[data-testid='dry-run-form'] .fjs-form").First.WaitForAsync();
            await page.Locator("[data-testid='modeler-canvas'] .djs-element.qadam-path").First.WaitForAsync();
            Assert.True(await run.EvaluateAsync<bool>("r => r.scrollWidth <= r.clientWidth + 1"), "the dry run scrolls sideways");
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-04-dry-run");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "dry run");
            await run.Locator("[data-testid='dry-run-close']").ClickAsync();

            // and the templates dialog lists the documents by title
            await page.Locator("#templates").ClickAsync();
            var templates = page.Locator("[data-testid='templates']");
            await templates.Locator("[data-testid='template-list']").WaitForAsync();
            var templateOptions = await page.Locator("#template-key option").AllInnerTextsAsync();
            Assert.Contains(language == "kk" ? "Қашықтан оқытуға ауыстыру туралы бұйрық" : "Приказ о переводе на дистанционное обучение", templateOptions);
            Assert.DoesNotContain(templateOptions, o => KeyLike().IsMatch(o));
            var titles = await templates.Locator("[data-testid='template-list'] tbody td:first-child").AllInnerTextsAsync();
            Assert.NotEmpty(titles);
            Assert.DoesNotContain(titles, o => KeyLike().IsMatch(o));
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-05-templates");
            await ScreenChecks.AssertOneLanguageAsync(page, language, "templates");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"legal-words-{language}-failure");
            throw;
        }
    }

    /// <summary>No element id, BPMN type, qadam: attribute name or ISO duration in a text the lawyer reads.</summary>
    private static void AssertNoCodes(string text, string where)
    {
        var codes = Codes().Matches(text).Select(m => m.Value).ToList();
        Assert.True(codes.Count == 0, $"{where} shows codes [{string.Join(", ", codes)}]:\n{text}");
    }

    [GeneratedRegex(@"qadam:|bpmn:|UserTask|ServiceTask|psychologistConclusion|candidateRoles|formKey|templateKey|\bP\d+[DWM]\b|\bPT\d+H\b|\breview\b|\bf[12]\b")]
    private static partial Regex Codes();

    /// <summary>A raw key: lower-case words joined by hyphens, no spaces (psychologist-conclusion).</summary>
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)+$")]
    private static partial Regex KeyLike();

    private static Task<string> DiagramTextAsync(IPage page, string id, string host = "modeler-canvas") =>
        page.Locator($"[data-testid='{host}'] .djs-element[data-element-id='{id}'] text").First
            .EvaluateAsync<string>("t => t.textContent.replace(/\\s+/g, ' ').trim()");

    private static string Label((int Version, string LabelKk, string LabelRu) step, string language) =>
        language == "kk" ? step.LabelKk : step.LabelRu;

    private async Task EnsureTwoVersionsAsync()
    {
        await Creating.WaitAsync();
        try
        {
            using var client = await fixture.ClientForAsync("legal.r1");
            using var existing = await client.GetAsync($"/api/definitions/{Key}/versions/2");
            if (existing.IsSuccessStatusCode)
            {
                return;
            }

            using var first = await client.PostAsync($"/api/definitions/{Key}/drafts",
                new StringContent(Version("Өтінішті қарау", null), Encoding.UTF8, "application/xml"));
            Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
            using var publish = await client.PostAsJsonAsync($"/api/definitions/{Key}/versions/1/publish", new
            {
                effectiveFrom = "2025-09-01",
                legalBasis = new { act = BrowserApplication.Act, edition = "2025-103", paragraph = "п. 28" },
            });
            Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
            using var second = await client.PostAsync($"/api/definitions/{Key}/drafts",
                new StringContent(Version("Өтінішті тексеру", "P5D"), Encoding.UTF8, "application/xml"));
            Assert.True(second.IsSuccessStatusCode, await second.Content.ReadAsStringAsync());
        }
        finally
        {
            Creating.Release();
        }
    }

    /// <summary>The psychologist's conclusion as the newest seeded edition writes it, and that edition's version number.</summary>
    private (int Version, string LabelKk, string LabelRu) PsychologistStep()
    {
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        XNamespace qadam = "http://qadam.kz/schema/bpmn";
        var files = Directory.EnumerateFiles(Path.Combine(BrowserFixture.RepositoryRoot, "workflows", ParentApplication), "*.bpmn")
            .Order(StringComparer.Ordinal).ToList();
        var task = XDocument.Load(files[^1]).Descendants(bpmn + "userTask").First(t => (string?)t.Attribute("id") == Step);
        return (files.Count, (string)task.Attribute(qadam + "labelKk")!, (string)task.Attribute(qadam + "labelRu")!);
    }

    private static async Task ChooseLanguageAsync(IPage page, string language)
    {
        await page.Locator("#language").SelectOptionAsync(language);
        await page.WaitForFunctionAsync($"() => document.documentElement.lang === '{language}'");
        await page.WaitForFunctionAsync("() => !document.querySelector('#outlet .loading')");
    }
}
