using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.EndToEnd;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Api.Tests.Features.Definitions;

/// <summary>
/// A version is published only with a Kazakh and a Russian template for every document it renders: a new document key
/// in a draft made from the published 2025 parent application is listed by language until both are uploaded, and the
/// dry run lists the same.
/// </summary>
public sealed class PublishTemplatesTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private const string Key = "parent-application";

    [Fact]
    public async Task Publishing_a_version_whose_document_lacks_its_kk_or_ru_template_is_a_422_listing_each()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/definitions/{Key}/versions/2");
        read.Headers.Accept.ParseAdd("application/xml");
        using var published = await legal.SendAsync(read);
        var xml = await published.Content.ReadAsStringAsync();
        var marker = "id=\"renderRefusalNotice\"";
        var at = xml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at > 0);
        var keyAt = xml.IndexOf("qadam:templateKey=\"parent-notice\"", at, StringComparison.Ordinal);
        var amended = xml[..keyAt] + "qadam:templateKey=\"refusal-notice\"" + xml[(keyAt + "qadam:templateKey=\"parent-notice\"".Length)..];
        using var draft = await legal.PostAsync($"/api/definitions/{Key}/drafts", Pathways.Xml(amended));
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var version = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        var errors = await PublishRefusedAsync(legal, version);
        Assert.Equal(["templates.refusal-notice.kk", "templates.refusal-notice.ru"], errors);
        using var dryRun = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/dry-run", Pathways.Json(new { }));
        var runBody = await dryRun.Content.ReadAsStringAsync();
        Assert.True(dryRun.StatusCode == HttpStatusCode.OK, runBody);
        var run = JsonDocument.Parse(runBody).RootElement;
        Assert.Equal(errors, run.GetProperty("publishProblems").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("refusal-notice"), "templateKey");
            form.Add(new StringContent("kk"), "language");
            var file = new ByteArrayContent(TemplateMarkup.ToDocx("# ХАБАРЛАМА\n{{student.fullName}}", DocumentLanguage.Kk));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(file, "file", "notice.docx");
            using var uploaded = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/templates", form);
            Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        }

        Assert.Equal(["templates.refusal-notice.ru"], await PublishRefusedAsync(legal, version));
    }

    [Fact]
    public async Task Publishing_a_version_whose_task_names_a_form_that_does_not_exist_is_a_422_and_validate_and_dry_run_say_so()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/definitions/{Key}/versions/2");
        read.Headers.Accept.ParseAdd("application/xml");
        using var published = await legal.SendAsync(read);
        var xml = await published.Content.ReadAsStringAsync();
        var formKey = System.Text.RegularExpressions.Regex.Match(xml, "qadam:formKey=\"([^\"]+)\"").Groups[1].Value;
        var amended = xml.Replace($"qadam:formKey=\"{formKey}\"", "qadam:formKey=\"review-2030\"", StringComparison.Ordinal);
        using var draft = await legal.PostAsync($"/api/definitions/{Key}/drafts", Pathways.Xml(amended));
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var version = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();

        using var publish = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/publish", Pathways.Json(new
        {
            effectiveFrom = "2030-01-01", legalBasis = new { act = "Приказ Министра просвещения РК от 27.11.2023 № 349", edition = "2025", paragraph = "п. 28" },
        }));
        var body = await publish.Content.ReadAsStringAsync();
        Assert.True(publish.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.Equal(["forms.review-2030"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("'review-2030'", errors.GetProperty("forms.review-2030")[0].GetString(), StringComparison.Ordinal);

        using var dryRun = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/dry-run", Pathways.Json(new { }));
        var run = JsonDocument.Parse(await dryRun.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["forms.review-2030"], run.GetProperty("publishProblems").EnumerateObject().Select(p => p.Name));
        var validation = await (await legal.PostAsync("/api/definitions/validate", Pathways.Xml(amended))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.True(validation.GetProperty("canSave").GetBoolean());
        Assert.Contains(validation.GetProperty("problems").EnumerateArray(), p => p.GetProperty("elementId").GetString() == "forms.review-2030");

        // once the form exists, the version publishes
        using (var form = await legal.PutAsync($"/api/definitions/{Key}/versions/{version}/forms/review-2030", Pathways.Json(new
               {
                   type = "default", id = "review-2030",
                   components = new[] { new { type = "textfield", id = "Field_note", key = "note", label = "Ескерту / Примечание" } },
               })))
        {
            Assert.True(form.StatusCode == HttpStatusCode.OK, await form.Content.ReadAsStringAsync());
        }

        using var again = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/publish", Pathways.Json(new
        {
            effectiveFrom = "2030-01-01", legalBasis = new { act = "Приказ Министра просвещения РК от 27.11.2023 № 349", edition = "2025", paragraph = "п. 28" },
        }));
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
    }

    private static async Task<List<string>> PublishRefusedAsync(HttpClient legal, int version)
    {
        using var publish = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/publish", Pathways.Json(new
        {
            effectiveFrom = "2030-01-01", legalBasis = new { act = "Приказ Министра просвещения РК от 27.11.2023 № 349", edition = "2025", paragraph = "п. 28" },
        }));
        var body = await publish.Content.ReadAsStringAsync();
        Assert.True(publish.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.All(problem.GetProperty("errors").EnumerateObject(), e => Assert.Contains("template", e.Value[0].GetString(), StringComparison.Ordinal));
        return [.. problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal)];
    }
}
