using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A college student's VKK conclusion over HTTP (2025 edition, 349/103 Annex 1 para 25): classes are organised in the
/// asynchronous and/or synchronous format and by self-study "by decision of the educational organisation", so the head
/// decides the format before the order is drawn up; without it the step is 422 naming the field, and the signed order
/// states the format in the case's language.
/// </summary>
public sealed class TvetFormatDecisionEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Theory]
    [InlineData("kk", 2)]
    [InlineData("ru", 3)]
    public async Task The_heads_format_decision_comes_before_the_order_and_is_printed_in_it(string language, int nthStudent)
    {
        var today = Pathways.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        using var @case = await PathwayCase.FileAsync(api, "clerk.c1", "medical-commission", await Pathways.StudentOfAsync(api, "c1", nthStudent), language, today);
        await @case.CompleteAsync("clerk.c1", "registerConclusion", new
        {
            conclusionEvidenceId = await @case.AttachEvidenceAsync("clerk.c1"),
            conclusionNumber = "ВКК-2001", conclusionDate = Day(-1), medicalOrganisation = "Городская поликлиника № 2", periodFrom = Day(0), periodTo = Day(20),
        });

        Assert.Equal(["tvetFormatDecision"], await @case.OpenTasksSettledAsync("head.c1"));
        Assert.Empty(await DocumentsOfAsync(@case));

        var head = await @case.ClientAsync("head.c1");
        var taskId = (await head.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element=tvetFormatDecision"))
            .GetProperty("items")[0].GetProperty("id").GetString();
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = Pathways.Json(new { data = new { } }) })
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var refused = await head.SendAsync(request);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"without a format: {refused.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty("data.tvetFormat", out _), problem.ToString());
        }

        await @case.CompleteAsync("head.c1", "tvetFormatDecision", new { tvetFormat = "mixed" });
        // The list of disciplines allowed at a distance, approved by the head's signed order (349 para 16, 103 para 6).
        Assert.Equal(["approvedDisciplines"], await @case.OpenTasksSettledAsync("head.c1"));
        var disciplines = await @case.ApproveDisciplinesAsync("head.c1", "secretary.c1");
        var listText = Assert.Single(await @case.ReadAsPdfAsync("head.c1", disciplines));
        DocumentTexts.Contains(listText, language == "kk" ? "Дерекқорлар" : "Базы данных");
        var order = Assert.Single(await @case.SignStepAsync("head.c1", "signOrder", new { distanceFrom = Day(0) }, "secretary.c1"),
            d => d.GetProperty("templateKey").GetString() == "order-transfer");
        var text = Assert.Single(await @case.ReadAsPdfAsync("head.c1", order));

        DocumentTexts.Contains(text, DocumentTexts.OrderTitle(language), @case.StudentName, DocumentTexts.Paragraph(language, "п. 24, п. 25"),
            language == "kk"
                ? "Оқу сабақтары білім беру ұйымының шешімі бойынша оқытудың асинхронды және синхронды форматы және оқу материалдарын өз бетінше игеру арқылы ұйымдастырылады"
                : "Учебные занятия организуются посредством асинхронного и синхронного формата обучения и путём самостоятельного освоения учебных материалов по решению организации образования");
    }

    private static async Task<List<JsonElement>> DocumentsOfAsync(PathwayCase @case)
    {
        var head = await @case.ClientAsync("head.c1");
        return [.. (await head.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}/documents")).EnumerateArray()];
    }
}
