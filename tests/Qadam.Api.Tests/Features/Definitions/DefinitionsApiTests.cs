using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Features.Audit;

namespace Qadam.Api.Tests.Features.Definitions;

/// <summary>The legal department's definitions API: upload, refusal by element id, publication under a legal basis, audit.</summary>
public sealed class DefinitionsApiTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    [Fact]
    public async Task Invalid_bpmn_is_refused_with_422_listing_each_problem_by_element_id()
    {
        using var legal = await api.ClientForAsync("legal.r1");

        using var response = await legal.PostAsync("/api/definitions/broken/drafts", Pathways.Xml(Pathways.Invalid("broken")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "Gateway_1" && e.GetProperty("message").GetString()!.Length > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await legal.GetAsync("/api/definitions/broken/versions/1")).StatusCode);
    }

    [Fact]
    public async Task Validate_lists_problems_without_storing_and_accepts_json_content()
    {
        using var legal = await api.ClientForAsync("legal.r1");

        var invalid = await (await legal.PostAsync("/api/definitions/validate", Pathways.Json(new { content = Pathways.Invalid("v1"), kind = "bpmn" })))
            .Content.ReadFromJsonAsync<JsonElement>();
        await Pathways.EnsureFormsAsync(api, Pathways.PsychologistThenHead("v2"));
        var valid = await (await legal.PostAsync("/api/definitions/validate", Pathways.Xml(Pathways.PsychologistThenHead("v2"))))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.False(invalid.GetProperty("valid").GetBoolean());
        Assert.Contains(invalid.GetProperty("problems").EnumerateArray(), p => p.GetProperty("elementId").GetString() == "Gateway_1");
        Assert.True(valid.GetProperty("valid").GetBoolean());
        var list = await legal.GetFromJsonAsync<JsonElement>("/api/definitions");
        Assert.DoesNotContain(list.EnumerateArray(), d => d.GetProperty("key").GetString() is "v1" or "v2");
    }

    [Fact]
    public async Task A_valid_draft_is_stored_published_with_its_legal_basis_listed_and_audited()
    {
        using var legal = await api.ClientForAsync("legal.r1");

        using var draft = await legal.PostAsync("/api/definitions/pub-test/drafts", Pathways.Xml(Pathways.PsychologistThenHead("pub-test")));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        await Pathways.EnsureFormsAsync(api, Pathways.PsychologistThenHead("pub-test"));
        Assert.Equal("/api/definitions/pub-test/versions/1", draft.Headers.Location?.OriginalString);
        using var publish = await legal.PostAsync("/api/definitions/pub-test/versions/1/publish", Pathways.Json(new
        {
            effectiveFrom = "2025-09-01", legalBasis = new { act = Pathways.Act, edition = "2025-103", paragraph = "Прил. 2" },
        }));
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        using var again = await legal.PostAsync("/api/definitions/pub-test/versions/1/publish", Pathways.Json(new
        {
            effectiveFrom = "2025-09-01", legalBasis = new { act = Pathways.Act },
        }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var clerk = await api.ClientForAsync("clerk.s1");
        var list = await clerk.GetFromJsonAsync<JsonElement>("/api/definitions");
        var version = list.EnumerateArray().Single(d => d.GetProperty("key").GetString() == "pub-test").GetProperty("versions")[0];
        Assert.Equal("published", version.GetProperty("status").GetString());
        Assert.Equal("2025-09-01", version.GetProperty("effectiveFrom").GetString());
        Assert.Equal("Прил. 2", version.GetProperty("legalBasis").GetProperty("paragraph").GetString());
        var detail = await clerk.GetFromJsonAsync<JsonElement>("/api/definitions/pub-test/versions/1");
        Assert.Contains("psychologist", detail.GetProperty("content").GetString(), StringComparison.Ordinal);
        using var xmlRequest = new HttpRequestMessage(HttpMethod.Get, "/api/definitions/pub-test/versions/1");
        xmlRequest.Headers.Accept.ParseAdd("application/xml");
        using var xml = await clerk.SendAsync(xmlRequest);
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pathways.PsychologistThenHead("pub-test"), await xml.Content.ReadAsStringAsync());

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        await AuditChain.PlaceAsync(db, default);
        var audit = await db.AuditEvents.Where(e => e.ProcessKey == "pub-test").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["definition.draft-saved", "definition.published"], audit.Select(e => e.Action));
        Assert.Contains(Pathways.Act, audit[1].LegalBasis, StringComparison.Ordinal);
        Assert.Equal("legal.r1", audit[1].Actor);
    }

    [Fact]
    public async Task Retiring_a_published_version_is_audited_and_a_draft_cannot_be_retired()
    {
        await Pathways.PublishAsync(api, "retire-test", Pathways.PsychologistThenHead("retire-test"));
        using var legal = await api.ClientForAsync("legal.r1");

        using var retire = await legal.PostAsync("/api/definitions/retire-test/versions/1/retire", null);
        using var twice = await legal.PostAsync("/api/definitions/retire-test/versions/1/retire", null);
        using var missing = await legal.PostAsync("/api/definitions/retire-test/versions/9/retire", null);

        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        Assert.Equal("retired", (await retire.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("clerk.s1")]
    [InlineData("head.s1")]
    [InlineData("regional.r1")]
    [InlineData("auditor.r1")]
    public async Task Only_the_legal_editor_uploads_publishes_retires_or_validates(string user)
    {
        using var client = await api.ClientForAsync(user);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/definitions/x/drafts", Pathways.Xml(Pathways.PsychologistThenHead("x")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/definitions/x/versions/1/publish",
            Pathways.Json(new { effectiveFrom = "2025-01-01", legalBasis = new { act = "a" } }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/definitions/x/versions/1/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/definitions/validate", Pathways.Xml("<x/>"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field()
    {
        using var legal = await api.ClientForAsync("legal.r1");

        using var badKey = await legal.PostAsync("/api/definitions/bad%20key/drafts", Pathways.Xml(Pathways.PsychologistThenHead("k")));
        using var text = await legal.PostAsync("/api/definitions/k/drafts", new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));
        using var unknown = await legal.PostAsync("/api/definitions/k/drafts", Pathways.Json(new { content = "x", colour = "red" }));
        using var noAct = await legal.PostAsync("/api/definitions/k/versions/1/publish", Pathways.Json(new { effectiveFrom = "2025-01-01", legalBasis = new { act = "" } }));

        Assert.Equal(HttpStatusCode.BadRequest, badKey.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAct.StatusCode);
        Assert.True((await noAct.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("legalBasis.act", out _));
    }

    [Fact]
    public async Task A_parent_may_not_read_definitions()
    {
        using var parent = await api.ClientForAsync("parent.p1");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync("/api/definitions")).StatusCode);
    }
}
