using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Qadam.Browser.Tests;

/// <summary>
/// The step that registers the authority's letter (order 349 Annex 1 para 26, 2025) cannot complete without the letter
/// itself: on the task screen the clerk attaches the scan beside the form, and the file's id fills the form's evidence
/// field, which nobody types.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvidenceUploadTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("kk", "Файл іске тіркелді")]
    [InlineData("ru", "Файл приложен к делу")]
    public async Task The_clerk_attaches_the_letter_on_the_task_screen_and_its_file_fills_the_evidence_field(string language, string attached)
    {
        using var clerkApi = await fixture.ClientForAsync("clerk.s1");
        var caseId = await FileCompetitionCaseAsync(clerkApi);
        var taskId = await LetterTaskAsync(clerkApi, caseId);

        var page = await fixture.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        try
        {
            await BrowserFixture.SignInAsync(page, "clerk.s1");
            if (language == "ru")
            {
                await page.Locator("#language").SelectOptionAsync("ru");
            }

            await page.GotoAsync($"/app/tasks/{taskId}");
            var upload = page.Locator("input[data-evidence-field='letterEvidenceId']");
            await upload.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            // The browser's own "Choose File" is hidden behind the app's button, in the screen's language.
            var choose = page.Locator("[data-testid='task-evidence'] label.file-choice");
            Assert.Contains(language == "kk" ? "Файлды таңдау" : "Выбрать файл", await choose.InnerTextAsync(), StringComparison.Ordinal);
            Assert.Contains(language == "kk" ? "Файл таңдалмаған" : "Файл не выбран", await choose.InnerTextAsync(), StringComparison.Ordinal);
            Assert.False(await upload.IsVisibleAsync() && (await upload.BoundingBoxAsync())?.Width > 2, "the native file input is shown");
            await upload.SetInputFilesAsync(new FilePayload
            {
                Name = "letter-04-12-318.pdf",
                MimeType = "application/pdf",
                Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
            });
            await page.Locator("[data-testid='evidence-state-letterEvidenceId']", new PageLocatorOptions { HasTextString = attached }).WaitForAsync();
            Assert.Contains("letter-04-12-318.pdf", await choose.InnerTextAsync(), StringComparison.Ordinal);
            await BrowserFixture.ShotAsync(page, $"evidence-upload-{language}");
            // The form's empty selects read in the screen's language too (form-js writes "Select" itself).
            await ScreenChecks.AssertOneLanguageAsync(page, language, "letter task");

            // The file is the case's evidence (stored under a generated name), and the form's field holds its id, read-only.
            using var evidence = JsonDocument.Parse(await clerkApi.GetStringAsync($"/api/cases/{caseId}/evidence"));
            var file = Assert.Single(evidence.RootElement.EnumerateArray()); // the new case's only file
            var field = page.Locator("[data-testid='task-form'] input[name='letterEvidenceId'], [data-testid='task-form'] #fjs-form-field-letterEvidenceId, [data-testid='task-form'] input[id$='Field_letterEvidenceId']").First;
            Assert.Equal(file.GetProperty("id").GetString(), await field.InputValueAsync());
            Assert.True(await field.IsEditableAsync() is false, "the evidence field is filled by the upload, not typed");
        }
        catch
        {
            await BrowserFixture.ShotAsync(page, $"evidence-upload-{language}-failure");
            throw;
        }
    }

    private static async Task<string> FileCompetitionCaseAsync(HttpClient clerk)
    {
        using var children = JsonDocument.Parse(await clerk.GetStringAsync("/api/students?pageSize=1"));
        var iin = children.RootElement.GetProperty("items")[0].GetProperty("iin").GetString();
        using var filed = await clerk.PostAsJsonAsync("/api/cases", new
        {
            pathway = "competition", studentIin = iin, ground = "competition", language = "kk", data = new { },
            filedOn = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd"), // today in Kazakhstan (UTC+5)
        });
        var body = await filed.Content.ReadAsStringAsync();
        Assert.True(filed.StatusCode == HttpStatusCode.Created, $"filing: {filed.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<string> LetterTaskAsync(HttpClient clerk, string caseId)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var page = JsonDocument.Parse(await clerk.GetStringAsync($"/api/tasks?caseId={caseId}&element=registerLetter"));
            if (page.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } task)
            {
                return task.GetProperty("id").GetString()!;
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException("clerk.s1 never got the letter's task");
    }
}
