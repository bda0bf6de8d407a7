using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A period whose end precedes its start is refused by the server with 422 on the end field (the form's cross-field rule
/// <c>notBefore</c>), for the VKK conclusion (349/103 para 24) and the authority's letter (para 26); the task stays open.
/// </summary>
public sealed class PeriodDateRuleEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Theory]
    [InlineData("medical-commission", "registerConclusion")]
    [InlineData("competition", "registerLetter")]
    public async Task A_period_ending_before_it_starts_is_422_on_periodTo(string pathway, string elementId)
    {
        var today = Pathways.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", pathway, await Pathways.FirstStudentOfAsync(api, "s1"), "ru", today);
        object data = pathway == "medical-commission"
            ? new { conclusionNumber = "ВКК-9", conclusionDate = Day(0), medicalOrganisation = "Поликлиника № 1", periodFrom = Day(10), periodTo = Day(3) }
            : new
            {
                authorityName = "Министерство туризма и спорта РК", letterNumber = "04-2/9", letterDate = Day(0), eventKind = "sport",
                eventName = "Чемпионат Азии", eventLevel = "international", periodFrom = Day(10), periodTo = Day(3), departsToDangerZone = false,
            };

        Assert.Contains(elementId, await @case.OpenTasksAsync("clerk.s1"));
        var client = await @case.ClientAsync("clerk.s1");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element={elementId}");
        var taskId = page.GetProperty("items")[0].GetProperty("id").GetString();
        using var response = await client.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data }));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("data.periodTo", out _), problem.ToString());
        Assert.False(errors.TryGetProperty("data.periodFrom", out _));
        Assert.Contains(elementId, await @case.OpenTasksAsync("clerk.s1"));
    }
}
