using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The 2025 amendment over HTTP (order 103, in force from 13 May 2025): a parent's application filed before it
/// follows the 2023 rules (the combat-zone exclusion, the child's opinion whatever the age), one filed after follows 2025
/// (departure abroad, the child's opinion from ten); a case under 2023 keeps its edition when a newer one is published.
/// The API runs on a clock set to 1 June 2025, so both filing dates lie within the year a filing may go back.
/// </summary>
public sealed class AmendmentEndToEndTests(June2025ApiFactory api) : IClassFixture<June2025ApiFactory>
{
    private static readonly DateOnly Before = new(2025, 5, 12);
    private static readonly DateOnly After = new(2025, 5, 20);

    private async Task<PathwayCase> FileAsync(DateOnly filedOn, string language = "ru") =>
        await PathwayCase.FileAsync(api, "clerk.s1", "parent-application", await Pathways.ChildOfParentP1Async(api), language, filedOn);

    private static async Task<string?> FormKeyAsync(PathwayCase @case, string user, string elementId)
    {
        var page = await (await @case.ClientAsync(user)).GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element={elementId}");
        return page.GetProperty("items").EnumerateArray().Single().GetProperty("formKey").GetString();
    }

    [Fact]
    public async Task A_case_filed_before_13_May_2025_follows_2023_and_keeps_it_after_a_newer_edition_is_published()
    {
        using var under2023 = await FileAsync(Before);
        using var under2025 = await FileAsync(After);
        var version2023 = (await under2023.ReadAsync("clerk.s1")).GetProperty("definitionVersion").GetInt32();
        var version2025 = (await under2025.ReadAsync("clerk.s1")).GetProperty("definitionVersion").GetInt32();
        Assert.True(version2025 > version2023);

        // 2023 para 11(1): the exclusion is a departure to zones of military action or terrorist danger; 2025 para 28(1): abroad.
        Assert.Equal("exclusion-check-2023", await FormKeyAsync(under2023, "clerk.s1", "exclusionCheck"));
        Assert.Equal("exclusion-check-2025", await FormKeyAsync(under2025, "clerk.s1", "exclusionCheck"));
        await under2023.CompleteAsync("clerk.s1", "exclusionCheck", new { departsToDangerZone = false, destination = "Алматы" });
        await under2025.CompleteAsync("clerk.s1", "exclusionCheck", new { departsAbroad = false, destination = "Алматы" });

        // The child is six: 2023 asks their opinion all the same, 2025 only from the age of ten.
        Assert.Contains("childOpinion", await under2023.OpenTasksAsync("teacher.s1"));
        Assert.DoesNotContain("childOpinion", await under2025.OpenTasksAsync("teacher.s1"));

        // The legal department publishes a newer edition of the 2025 line, in force from 25 May.
        using var legal = await api.ClientForAsync("legal.r1");
        var content = await File.ReadAllTextAsync(Path.Combine(api.WorkflowsDirectory, "parent-application", "2025.bpmn"));
        using var draft = await legal.PostAsync("/api/definitions/parent-application/drafts", Pathways.Xml(content.Replace(
            "Дистанционное обучение по заявлению родителей /", "Дистанционное обучение по заявлению родителей (ред. 25.05.2025) /", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var newest = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        using var publish = await legal.PostAsync($"/api/definitions/parent-application/versions/{newest}/publish", Pathways.Json(new
        {
            effectiveFrom = "2025-05-25", legalBasis = new { act = DocumentTexts.Act2025, edition = "2025", paragraph = "приложение 1, п. 28" },
        }));
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);

        await under2023.CompleteAsync("psychologist.s1", "psychologistConclusion", new { psychologistConclusion = "Дайын / Готов", psychologistRecommends = "yes" });
        Assert.Equal(version2023, (await under2023.ReadAsync("clerk.s1")).GetProperty("definitionVersion").GetInt32());
        Assert.Contains("childOpinion", await under2023.OpenTasksAsync("teacher.s1"));
        using var filedLater = await FileAsync(new DateOnly(2025, 5, 30));
        Assert.Equal(newest, (await filedLater.ReadAsync("clerk.s1")).GetProperty("definitionVersion").GetInt32());
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task A_departure_to_a_combat_zone_is_refused_under_2023_with_a_reasoned_notice(string language)
    {
        using var @case = await FileAsync(Before, language);

        await @case.CompleteAsync("clerk.s1", "exclusionCheck", new { departsToDangerZone = true, destination = "Шекаралас аудан / Приграничный район" });
        // The head issues the reasoned refusal (the clerk prepares the case only: RefusalEndToEndTests).
        await @case.CompleteAsync("head.s1", "refusalReasons", new
        {
            refusalReasonKk = "Білім алушы террористік қауіп аймағына кетеді", refusalReasonRu = "Обучающийся выезжает в зону террористической опасности",
            refusalLegalBasis = "Приказ № 349, приложение 2, п. 11 пп. 1)",
        });

        // Not signed here: the demo keys are made today, and on this clock (June 2025) they are not valid yet, which the
        // head is told plainly (422 naming the key's validity), not with a server error; the other pathways' tests sign.
        var notice = (await @case.DocumentsAsync("head.s1", "parent-notice"))["parent-notice"];
        var head = await @case.ClientAsync("head.s1");
        using var early = await head.PostAsync($"/api/documents/{notice.GetProperty("id").GetString()}/signatures",
            Qadam.Api.Tests.Features.Definitions.Pathways.Json(new { mode = "server" }));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("is valid from", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var text = Assert.Single(await @case.ReadAsPdfAsync("head.s1", notice));

        DocumentTexts.Contains(text, @case.StudentName, DocumentTexts.Basis(language), DocumentTexts.Act2023In(language),
            DocumentTexts.Paragraph(language, "п. 11 пп. 1)"),
            language == "kk" ? "Білім алушы террористік қауіп аймағына кетеді" : "Обучающийся выезжает в зону террористической опасности",
            "Приказ № 349, приложение 2, п. 11 пп. 1)");
        Assert.Equal("refused", (await @case.ReadAsync("clerk.s1")).GetProperty("status").GetString());
    }
}
