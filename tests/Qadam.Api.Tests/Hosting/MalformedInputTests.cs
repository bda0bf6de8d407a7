using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// Hostile input answered with a 4xx problem (application/problem+json, naming the field, no .NET type names), never a
/// 500: NUL characters and lone surrogates, duplicate JSON keys, pages past any offset, a null dry-run step, an invalid or
/// reserved form key, an oversized form.
/// </summary>
public sealed class MalformedInputTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"pathway":"malformed-input","studentIin":"IIN","ground":"before\u0000after","filedOn":"TODAY"}""", "ground")]
    [InlineData("""{"pathway":"malformed-input","studentIin":"IIN","ground":"half \ud800 a pair","filedOn":"TODAY"}""", "ground")]
    [InlineData("""{"pathway":"malformed-input","studentIin":"IIN","ground":"g","filedOn":"TODAY","data":{"note":["ok","\udc00"]}}""",
        "data.note[1]")]
    public async Task Text_with_a_NUL_or_a_lone_surrogate_is_422_naming_the_field(string body, string field)
    {
        await Pathways.PublishAsync(api, "malformed-input", Pathways.PsychologistThenHead("malformed-input"));
        using var clerk = await api.ClientForAsync("clerk.s1");
        var iin = await Pathways.FirstStudentOfAsync(api, "s1");

        using var response = await clerk.PostAsync("/api/cases",
            RawJson(body.Replace("IIN", iin, StringComparison.Ordinal).Replace("TODAY", Pathways.Today.ToString("yyyy-MM-dd"), StringComparison.Ordinal)));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/cases?pathway=a%00b")]
    [InlineData("/api/students?className=%00")]
    public async Task A_NUL_in_the_query_is_422(string path)
    {
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var response = await clerk.GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Duplicate_JSON_keys_are_a_400()
    {
        using var parent = await api.ClientForAsync("parent.p2");

        using var response = await parent.PostAsync("/api/parents/me/children", RawJson("""{"iin":"000000000000","iin":"111111111111"}"""));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/cases?page=2147483647&pageSize=500")]
    [InlineData("/api/students?page=2147483647&pageSize=500")]
    [InlineData("/api/tasks?page=2147483647&pageSize=500")]
    public async Task A_page_past_any_offset_is_a_400_naming_page(string path)
    {
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var response = await clerk.GetAsync(path);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("page", out _));
    }

    [Fact]
    public async Task A_null_dry_run_step_is_422()
    {
        await Pathways.PublishAsync(api, "malformed-dry", Pathways.PsychologistThenHead("malformed-dry"));
        using var legal = await api.ClientForAsync("legal.r1");

        using var response = await legal.PostAsync("/api/definitions/malformed-dry/versions/1/dry-run", RawJson("""{"steps":[null]}"""));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("steps[0]", out _));
    }

    [Fact]
    public async Task A_form_is_refused_when_a_field_uses_a_reserved_name_or_the_form_is_oversized()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using (var draft = await legal.PostAsync("/api/definitions/malformed-form/drafts",
                   Pathways.Xml(Pathways.PsychologistThenHead("malformed-form", "malformed-form"))))
        {
            Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        }

        const string Reserved = """
            {"type":"default","components":[{"type":"textfield","id":"f1","key":"caseStatus","label":"Статус"}]}
            """;
        using (var response = await legal.PutAsync("/api/definitions/malformed-form/versions/1/forms/malformed-form", RawJson(Reserved)))
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
            Assert.Contains("caseStatus", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var huge = "{\"type\":\"default\",\"components\":[{\"type\":\"text\",\"id\":\"t\",\"text\":\"" + new string('x', 300 * 1024) + "\"}]}";
        using (var response = await legal.PutAsync("/api/definitions/malformed-form/versions/1/forms/malformed-form", RawJson(huge)))
        {
            await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.False(File.Exists(Path.Combine(api.WorkflowsDirectory, "malformed-form", "forms", "malformed-form.form.json")));
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_is_a_400_that_names_no_dotnet_type()
    {
        using var clerk = await api.ClientForAsync("clerk.s1");

        using var response = await clerk.PostAsync($"/api/tasks/{Guid.NewGuid()}/complete", RawJson("[1,2,3]"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var text = problem.ToString();
        Assert.DoesNotContain("Qadam.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Request ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Linking_an_unknown_child_is_a_404_problem()
    {
        using var parent = await api.ClientForAsync("parent.p2");

        using var response = await parent.PostAsync("/api/parents/me/children", Pathways.Json(new { iin = "900615300011" }));

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("iin", problem.GetProperty("field").GetString());
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
