using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Forms;

/// <summary>
/// Form editor: a draft's task form is read and saved through the version, lands in the pathways' folder where the
/// task inbox reads it, and a form a published version uses stays as it was published.
/// </summary>
public sealed class FormsApiTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string FormJson = """
        {"type":"default","id":"x","schemaVersion":16,"components":[{"type":"radio","id":"Field_decision","key":"decision","label":"Шешім / Решение",
         "values":[{"label":"Иә","value":"yes"},{"label":"Жоқ","value":"no"}]}]}
        """;

    private static StringContent Form() => new(FormJson, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_drafts_form_is_saved_into_the_pathways_folder_and_read_back_and_published_forms_stay_fixed()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        // given a published version whose task uses "forms-published" and a draft whose task uses "forms-draft"
        await Pathways.PublishAsync(api, "forms-published", Pathways.PsychologistThenHead("forms-published", "forms-published"));
        using var draft = await legal.PostAsync("/api/definitions/forms-draft/drafts", Pathways.Xml(Pathways.PsychologistThenHead("forms-draft", "forms-draft")));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);

        // when the draft's form does not exist yet, then reading it is 404
        using (var missing = await legal.GetAsync("/api/definitions/forms-draft/versions/1/forms/forms-draft"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // when it is saved, then it is written to <key>/forms/ and read back with its key as id
        using (var saved = await legal.PutAsync("/api/definitions/forms-draft/versions/1/forms/forms-draft", Form()))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        Assert.True(File.Exists(Path.Combine(api.WorkflowsDirectory, "forms-draft", "forms", "forms-draft.form.json")));
        var read = await legal.GetFromJsonAsync<JsonElement>("/api/definitions/forms-draft/versions/1/forms/forms-draft");
        Assert.Equal("forms-draft", read.GetProperty("id").GetString());
        Assert.Equal("decision", read.GetProperty("components")[0].GetProperty("key").GetString());

        // and a key no task of the draft names is 422, a published version's form 409, a clerk 403
        using (var unknown = await legal.PutAsync("/api/definitions/forms-draft/versions/1/forms/other-form", Form()))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        }

        using (var published = await legal.PutAsync("/api/definitions/forms-published/versions/1/forms/forms-published", Form()))
        {
            Assert.Equal(HttpStatusCode.Conflict, published.StatusCode);
        }

        using (var notAForm = await legal.PutAsync("/api/definitions/forms-draft/versions/1/forms/forms-draft",
                   new StringContent("""{"type":"default"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notAForm.StatusCode);
        }

        using (var clash = await legal.PutAsync("/api/definitions/forms-draft/versions/1/forms/forms-draft", new StringContent("""
                   {"type":"default","components":[{"type":"textfield","id":"a","key":"decision"},{"type":"number","id":"b","key":"decision"},
                   {"type":"textfield","id":"c","key":"two words"}]}
                   """, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, clash.StatusCode);
            var errors = (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("components");
            Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.StartsWith("b: the key 'decision' is used by another field", StringComparison.Ordinal));
            Assert.Contains(errors.EnumerateArray(), e => e.GetString()!.StartsWith("c: the key 'two words' is not a name", StringComparison.Ordinal));
        }

        using var clerk = await api.ClientForAsync("clerk.s1");
        using var forbidden = await clerk.PutAsync("/api/definitions/forms-draft/versions/1/forms/forms-draft", Form());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}
