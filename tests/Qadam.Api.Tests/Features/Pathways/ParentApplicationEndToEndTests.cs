using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A parent's application under the 2025 edition (349 as amended by 103, Annex 1 para 28) over HTTP, as the
/// demo staff work it: a secondary school case through the psychologist, the class teacher, both councils' ballots
/// and the head's order; a college case through the college council; each in Kazakh and in Russian. The head signs,
/// the signatures verify, LibreOffice opens the documents, and the parent sees the decision and downloads it.
/// </summary>
public sealed class ParentApplicationEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static readonly string Today = Pathways.Today.ToString("yyyy-MM-dd");

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task A_secondary_school_case_ends_with_the_heads_signed_order_and_the_parent_downloads_it(string language)
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "parent-application", await Pathways.ChildOfParentP1Async(api), language, Pathways.Today);

        await @case.CompleteAsync("clerk.s1", "exclusionCheck", new { departsAbroad = false, destination = "Астана" });
        await @case.CompleteAsync("psychologist.s1", "psychologistConclusion", new
        {
            psychologistConclusion = "Бала дистанциялық форматқа бейімделуге дайын / Ребёнок готов к дистанционному формату", psychologistRecommends = "yes",
        });
        await @case.CompleteAsync("teacher.s1", "livingConditionsAct", new
        {
            inspectionDate = Today, livingConditions = "Жеке бөлме / Отдельная комната", hasComputer = true, hasInternet = true, hasWorkplace = true,
            conditionsForDistance = "yes",
        });
        await @case.CompleteAsync("teacher.s1", "academicIndicators", new { averageMark = 4.6, failedSubjects = 0, academicSummary = "Үлгерімі жақсы / Успевает" });
        Assert.DoesNotContain("childOpinion", await @case.OpenTasksAsync("teacher.s1")); // seven years old: 2025 asks from ten
        await @case.VoteAsync("councilVote", "yes", [.. Enumerable.Range(1, 5).Select(i => $"council{i}.s1")]);
        await @case.VoteAsync("trusteesVote", "yes", [.. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s1")]);
        // The head signs the order and the notice before the step completes; the person replacing the head may not sign this
        // order, since its step names the head alone (the deputy signs where a step names deputyHead: a frost order).
        var signed = await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = Today }, "deputy.s1");
        Assert.Equal(["order-transfer", "parent-notice"], signed.Select(d => d.GetProperty("templateKey").GetString()));

        var documents = await @case.DocumentsAsync("head.s1",
            "order-transfer", "parent-notice", "council-protocol-extract", "psychologist-conclusion", "living-conditions-act");
        await @case.SignAndVerifyAsync("head.s1", documents["order-transfer"], documents["parent-notice"]);
        var texts = await @case.ReadAsPdfAsync("head.s1", documents["order-transfer"], documents["parent-notice"],
            documents["council-protocol-extract"], documents["psychologist-conclusion"], documents["living-conditions-act"]);

        var orderNumber = documents["order-transfer"].GetProperty("registryNumber").GetString()!;
        Assert.All(texts, text => DocumentTexts.Contains(text, @case.StudentName, DocumentTexts.School1(language), DocumentTexts.Basis(language),
            DocumentTexts.Act2025In(language)));
        // Each document cites its own step's paragraph: the evidence and the order para 28, the notice para 3(5).
        Assert.All(texts.Where((_, i) => i != 1), text => DocumentTexts.Contains(text, DocumentTexts.Paragraph(language, "п. 28 пп. 1)")));
        DocumentTexts.Contains(texts[0], DocumentTexts.OrderTitle(language), orderNumber, DocumentTexts.Paragraph(language, "п. 28 пп. 1), п. 28 пп. 2)"));
        SignedDocuments.CarriesOnlyItsNumber(texts[0], orderNumber);
        // The notice states the decision, the bodies that took it and the period, and the order it rests on.
        DocumentTexts.Contains(texts[1], DocumentTexts.NoticeTitle(language), DocumentTexts.Transferred(language), orderNumber, DocumentTexts.Paragraph(language, "п. 3 пп. 5)"),
            language == "kk" ? "педагогикалық кеңесі мен қамқоршылық кеңесі" : "педагогическим советом и попечительским советом",
            language == "kk" ? "бұйрыққа қол қойылған күннен бастап" : "с даты подписания приказа");
        DocumentTexts.Contains(texts[2], language == "kk" ? "жақтаймын" : "за");
        Assert.All(texts, text => Assert.DoesNotContain("{{", text, StringComparison.Ordinal));

        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        Assert.Equal("transferred", tracked.GetProperty("status").GetString());
        var order = tracked.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("templateKey").GetString() == "order-transfer");
        Assert.True(order.GetProperty("signed").GetBoolean());
        var notice = tracked.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("templateKey").GetString() == "parent-notice");
        Assert.True(notice.GetProperty("signed").GetBoolean());
        var noticeCheck = await parent.GetFromJsonAsync<JsonElement>($"/api/documents/{notice.GetProperty("id").GetString()}/verification");
        Assert.True(noticeCheck.GetProperty("isValid").GetBoolean(), noticeCheck.GetRawText());
        Assert.Equal(documents["parent-notice"].GetProperty("id").GetString(), notice.GetProperty("id").GetString());
        var download = await parent.GetByteArrayAsync(order.GetProperty("contentUrl").GetString());
        Assert.Equal("PK"u8.ToArray(), download[..2]);
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task A_college_case_is_decided_by_the_college_council_within_the_20_percent_cap(string language)
    {
        // One student per language: the ledger keeps the first run's hours, and the cap is over the whole period of study.
        using var @case = await PathwayCase.FileAsync(api, "clerk.c1", "parent-application", await Pathways.StudentOfAsync(api, "c1", language == "ru" ? 0 : 1),
            language, Pathways.Today);

        await @case.CompleteAsync("secretary.c1", "tvetCouncilDecision", new
        {
            councilBody = "pedagogical", protocolNumber = "7", protocolDate = Today, periodFrom = Today, periodTo = Pathways.Today.AddDays(30).ToString("yyyy-MM-dd"),
            distanceHours = 180, totalHours = 1000, councilDecision = "approve",
        });
        // The head's list of disciplines allowed at a distance comes first, approved by a signed order of its own.
        Assert.Equal(["approvedDisciplines"], await @case.OpenTasksSettledAsync("head.c1"));
        var disciplines = await @case.ApproveDisciplinesAsync("head.c1", "secretary.c1");
        await @case.SignStepAsync("head.c1", "signOrder", new { distanceFrom = Today }, "secretary.c1");

        var listText = Assert.Single(await @case.ReadAsPdfAsync("head.c1", disciplines));
        DocumentTexts.Contains(listText, DocumentTexts.OrderTitle(language), disciplines.GetProperty("registryNumber").GetString()!,
            language == "kk" ? "Қашықтан оқытуға рұқсат берілетін пәндердің және (немесе) модульдердің тізбесін бекіту туралы"
                : "Об утверждении перечня дисциплин и (или) модулей, допускаемых для дистанционного обучения",
            "Дерекқорлар / Базы данных", "06130100", DocumentTexts.Act2025In(language), DocumentTexts.Paragraph(language, "п. 6"));
        Assert.DoesNotContain(@case.StudentName, listText, StringComparison.Ordinal);
        if (language == "kk")
        {
            Assert.DoesNotContain("Приказ", listText, StringComparison.Ordinal);
            Assert.DoesNotContain("приложени", listText, StringComparison.Ordinal);
        }

        var documents = await @case.DocumentsAsync("head.c1", "order-transfer", "parent-notice");
        await @case.SignAndVerifyAsync("head.c1", documents["order-transfer"], documents["parent-notice"]);
        var texts = await @case.ReadAsPdfAsync("head.c1", documents["order-transfer"], documents["parent-notice"]);

        Assert.All(texts, text => DocumentTexts.Contains(text, @case.StudentName, DocumentTexts.Basis(language), DocumentTexts.Act2025In(language),
            language == "kk" ? "Астана политехникалық колледжі" : "Астанинский политехнический колледж"));
        DocumentTexts.Contains(texts[0], DocumentTexts.OrderTitle(language), DocumentTexts.Paragraph(language, "п. 28 пп. 1), п. 28 пп. 2)"), "180", "1 000", "№ 7");
        SignedDocuments.CarriesOnlyItsNumber(texts[0], documents["order-transfer"].GetProperty("registryNumber").GetString()!);
        DocumentTexts.Contains(texts[1], DocumentTexts.Transferred(language), "№ 7",
            language == "kk" ? "орта білімнен кейінгі білім беру ұйымының кеңесі" : "советом организации технического и профессионального");
        Assert.Equal("transferred", (await @case.ReadAsync("clerk.c1")).GetProperty("status").GetString());
    }
}
