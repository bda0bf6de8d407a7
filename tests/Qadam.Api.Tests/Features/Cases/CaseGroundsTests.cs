using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>
/// The ground of a case is a code of para 3 of the edition (order 349 Annex 2 para 3, 2025 Annex 1 para 3), not free
/// text: the filing form is offered the codes with kk/ru labels, and the server refuses any other with 422 on "ground",
/// so a parent's application cannot be typed as "medical" to step outside the 20 % cap (349 para 20, 103 para 10).
/// </summary>
public sealed class CaseGroundsTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Theory]
    [InlineData("kk", "негіздемесі емес")]
    [InlineData("ru", "не является основанием")]
    public async Task A_parent_application_filed_on_another_ground_is_refused_with_422_on_the_ground(string language, string words)
    {
        var student = await Pathways.FirstStudentOfAsync(api, "c1");
        using var clerk = await api.ClientForAsync("clerk.c1");
        foreach (var ground in new[] { "medical", "Заявление родителя" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
            {
                Content = Pathways.Json(new
                {
                    pathway = "parent-application", studentIin = student, ground, filedOn = Pathways.Today.ToString("yyyy-MM-dd"),
                }),
            };
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            using var response = await clerk.SendAsync(request);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var message = problem.GetProperty("errors").GetProperty("ground")[0].GetString();
            Assert.Contains(words, message, StringComparison.Ordinal);
            Assert.Contains("parent", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_filing_form_is_offered_the_editions_codes_with_kazakh_and_russian_labels()
    {
        using var clerk = await api.ClientForAsync("clerk.c1");

        var parent = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/grounds?pathway=parent-application&on={Pathways.Today:yyyy-MM-dd}");
        var medical = await clerk.GetFromJsonAsync<JsonElement>("/api/cases/grounds?pathway=medical-commission&on=2024-03-01");
        var online = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/grounds?pathway=tvet-online&on={Pathways.Today:yyyy-MM-dd}");

        var ground = Assert.Single(parent.GetProperty("grounds").EnumerateArray());
        Assert.Equal("parent", ground.GetProperty("code").GetString());
        Assert.Equal("п. 3 пп. 5)", ground.GetProperty("paragraph").GetString());
        Assert.Contains("өтініші", ground.GetProperty("labelKk").GetString());
        Assert.Contains("Заявление родителей", ground.GetProperty("labelRu").GetString());
        Assert.Equal("medical", medical.GetProperty("grounds")[0].GetProperty("code").GetString());
        Assert.False(online.GetProperty("enumerated").GetBoolean());
    }

    [Fact]
    public async Task A_parent_application_filed_on_its_code_is_accepted()
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.c1", "parent-application", await Pathways.FirstStudentOfAsync(api, "c1"), "kk",
            Pathways.Today);

        Assert.Equal("parent", (await @case.ReadAsync("clerk.c1")).GetProperty("ground").GetString());
    }
}
