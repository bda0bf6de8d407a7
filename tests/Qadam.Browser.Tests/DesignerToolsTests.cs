using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The legal department's tools beside the modeler: a draft task's form in the form-js editor, a DOCX template
/// upload for the version's template keys, and a dry run of the draft choosing the task's outcome.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignerToolsTests(BrowserFixture fixture)
{
    private const string Key = "browser-designer";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>A clerk's review whose decision chooses the branch: approve renders a notice (a service task), refuse ends.</summary>
    private const string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:qadam="http://qadam.kz/schema/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs_browser_designer" targetNamespace="http://qadam.kz/pathways">
          <bpmn:process id="{Key}" name="Редактор форм (браузерный тест)" isExecutable="true">
            <bpmn:startEvent id="filed" qadam:labelKk="Өтініш берілді" qadam:labelRu="Заявление подано" />
            <bpmn:userTask id="review" qadam:candidateRoles="clerk" qadam:formKey="designer-review"
                           qadam:labelKk="Өтінішті қарау" qadam:labelRu="Рассмотрение заявления" />
            <bpmn:exclusiveGateway id="decided" qadam:labelKk="Шешім" qadam:labelRu="Решение" default="toRefused" />
            <bpmn:serviceTask id="renderNotice" qadam:activity="render-document" qadam:templateKey="designer-notice"
                              qadam:labelKk="Хабарлама жасау" qadam:labelRu="Формирование уведомления" />
            <bpmn:endEvent id="approved" qadam:labelKk="Мақұлданды" qadam:labelRu="Одобрено" />
            <bpmn:endEvent id="refused" qadam:labelKk="Бас тартылды" qadam:labelRu="Отказано" />
            <bpmn:sequenceFlow id="f1" sourceRef="filed" targetRef="review" />
            <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decided" />
            <bpmn:sequenceFlow id="toApproved" sourceRef="decided" targetRef="renderNotice">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">decision === 'approve'</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="renderNotice" targetRef="approved" />
            <bpmn:sequenceFlow id="toRefused" sourceRef="decided" targetRef="refused" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string ReviewForm = """
        {"type":"default","id":"designer-review","schemaVersion":16,"components":[
          {"type":"text","id":"Text_1","text":"Өтінішті қарау\n\nРассмотрение заявления"},
          {"type":"radio","id":"Field_decision","key":"decision","label":"Шешім / Решение","validate":{"required":true},
           "values":[{"label":"Мақұлдау / Одобрить","value":"approve"},{"label":"Бас тарту / Отказать","value":"refuse"}]},
          {"type":"textarea","id":"Field_note","key":"note","label":"Ескерту / Примечание"}]}
        """;

    [Fact]
    public async Task The_legal_editor_edits_a_draft_tasks_form_uploads_a_template_and_dry_runs_the_draft()
    {
        // given a draft whose review task has a form (saved beforehand over the API)
        var version = await EnsureDraftAsync();
        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout((float)Wait.TotalMilliseconds);
        try
        {
            // when legal.r1 opens the draft on its review task and opens the task's form
            await BrowserFixture.SignInAsync(page, "legal.r1");
            await page.GotoAsync($"/app/definitions/{Key}/versions/{version}?element=review");
            await page.Locator(".djs-element.selected[data-element-id='review']").WaitForAsync();
            await page.Locator("#edit-form").ClickAsync();

            // then the form-js editor shows the form's fields, and saving it is accepted
            var editor = page.Locator("[data-testid='form-editor']");
            await editor.Locator(".fjs-editor-container").WaitForAsync();
            await editor.GetByText("Шешім / Решение").First.WaitForAsync();
            // and form-js's own palette and properties panel read in Kazakh, not English
            await editor.Locator(".fjs-palette").GetByText("Енгізу", new LocatorGetByTextOptions { Exact = true }).WaitForAsync();
            await editor.GetByText("Шешім / Решение").First.ClickAsync();
            await editor.Locator(".fjs-properties-panel").GetByText("Жалпы", new LocatorGetByTextOptions { Exact = true }).First.WaitForAsync();
            var editorText = await editor.Locator(".fjs-palette, .fjs-properties-panel").AllInnerTextsAsync();
            foreach (var english in new[] { "Components", "Text field", "General", "Validation", "Field label", "Required" })
            {
                Assert.DoesNotContain(editorText, t => t.Split('\n').Any(line => line.Trim() == english));
            }

            await BrowserFixture.ShotAsync(page, "designer-01-form-editor");
            await editor.Locator("#save-form").ClickAsync();
            await editor.Locator(".notice-success", new LocatorLocatorOptions { HasTextString = "Нысан сақталды" }).WaitForAsync();
            await editor.Locator("[data-testid='form-editor-close']").ClickAsync();

            // when the editor uploads a DOCX for the version's template key
            await page.Locator("#templates").ClickAsync();
            var templates = page.Locator("[data-testid='templates']");
            await page.Locator("#template-key option[value='designer-notice']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            await page.Locator("#template-language").SelectOptionAsync("ru");
            await page.Locator("#template-file").SetInputFilesAsync(new FilePayload
            {
                Name = "designer-notice.docx",
                MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Buffer = Docx(),
            });
            await page.Locator("#upload-template").ClickAsync();

            // then the server stores it and the dialog lists it with the variables it found
            await page.Locator("[data-testid='templates'] .notice-success").WaitForAsync();
            await templates.Locator("td", new LocatorLocatorOptions { HasTextString = "student.fullName" }).First.WaitForAsync();
            await BrowserFixture.ShotAsync(page, "designer-02-templates");
            await templates.Locator("[data-testid='templates-close']").ClickAsync();

            // when the editor dry-runs the draft and approves at the review
            await page.Locator("#dry-run").ClickAsync();
            var run = page.Locator("[data-testid='dry-run']");
            var task = run.Locator(".dry-run-task[data-element-id='review']");
            await task.WaitForAsync();
            // the review's own form, in the screen's language, prefilled with its first option (no JSON to type)
            var approve = task.GetByLabel("Мақұлдау", new LocatorGetByLabelOptions { Exact = true });
            await approve.WaitForAsync();
            Assert.True(await approve.IsCheckedAsync());
            Assert.Equal(0, await task.Locator("textarea.mono").CountAsync());
            await BrowserFixture.ShotAsync(page, "designer-03-dry-run-waiting");
            await task.Locator("[data-testid='dry-run-complete']").ClickAsync();

            // then the run passes the notice (a service task, not run) and ends approved, nothing stored
            await run.Locator("[data-testid='dry-run-path'] li[data-element-id='renderNotice'][data-event='service-task-skipped']").WaitForAsync();
            await run.Locator("[data-testid='dry-run-path'] li[data-element-id='approved']").WaitForAsync();
            await run.Locator(".notice-success", new LocatorLocatorOptions { HasTextString = "Процесс аяқталды" }).WaitForAsync();
            // and the path it took is marked on the diagram beside the panel, the branch not taken is not
            var canvas = page.Locator("[data-testid='modeler-canvas']");
            await canvas.Locator(".djs-element.qadam-path[data-element-id='approved']").WaitForAsync();
            Assert.Equal(1, await canvas.Locator(".djs-element.qadam-path[data-element-id='review']").CountAsync());
            Assert.Equal(0, await canvas.Locator(".djs-element.qadam-path[data-element-id='refused']").CountAsync());
            Assert.True(await run.EvaluateAsync<bool>("r => r.scrollWidth <= r.clientWidth + 1"), "the dry run's panel scrolls sideways");
            await BrowserFixture.ShotAsync(page, "designer-04-dry-run-ended");

            // and going back to before the review, refusing instead, ends refused
            await run.Locator("[data-testid='dry-run-steps'] button").First.ClickAsync();
            await task.GetByLabel("Бас тарту", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
            await task.Locator("[data-testid='dry-run-complete']").ClickAsync();
            await run.Locator("[data-testid='dry-run-path'] li[data-element-id='refused']").WaitForAsync();
            Assert.Equal(0, await run.Locator("[data-testid='dry-run-path'] li[data-element-id='renderNotice']").CountAsync());
            await canvas.Locator(".djs-element.qadam-path[data-element-id='refused']").WaitForAsync();
            Assert.Equal(0, await canvas.Locator(".djs-element.qadam-path[data-element-id='approved']").CountAsync());
            await BrowserFixture.ShotAsync(page, "designer-05-dry-run-other-branch");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, "designer-failure");
            throw;
        }
    }

    private async Task<int> EnsureDraftAsync()
    {
        using var legal = await fixture.ClientForAsync("legal.r1");
        using var draft = await legal.PostAsync($"/api/definitions/{Key}/drafts", new StringContent(Bpmn, Encoding.UTF8, "application/xml"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var version = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        using var form = await legal.PutAsync($"/api/definitions/{Key}/versions/{version}/forms/designer-review",
            new StringContent(ReviewForm, Encoding.UTF8, "application/json"));
        Assert.True(form.IsSuccessStatusCode, await form.Content.ReadAsStringAsync());
        return version;
    }

    private static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                new Paragraph(new Run(new Text("Уведомление № {{document.number}}"))),
                new Paragraph(new Run(new Text("Обучающийся: {{student.fullName}}")))));
        }

        return stream.ToArray();
    }
}
