using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Documents.Rendering;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A competition (2025 edition, 349/103 Annex 1 para 26) over HTTP in Kazakh and in Russian: the clerk records
/// the authorised body's letter, the head signs the order for the period of participation; the period has ended, so
/// the student returns and the class teacher draws up the individual schedule for the missed summative assessments.
/// </summary>
public sealed class CompetitionEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task The_order_for_the_period_of_participation_is_signed_and_the_missed_assessments_get_an_individual_schedule(string language)
    {
        var today = Pathways.Today;
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "competition", await Pathways.ChildOfParentP1Async(api), language, today);

        var letter = await @case.AttachEvidenceAsync("clerk.s1");
        await @case.CompleteAsync("clerk.s1", "registerLetter", new
        {
            letterEvidenceId = letter,
            authorityName = "Астана қаласының дене шынықтыру және спорт басқармасы / Управление физической культуры и спорта г. Астаны",
            letterNumber = "04-12/318", letterDate = today.AddDays(-14).ToString("yyyy-MM-dd"), eventKind = "sport",
            eventName = "Шахматтан республикалық турнир / Республиканский турнир по шахматам", eventLevel = "national",
            periodFrom = today.AddDays(-12).ToString("yyyy-MM-dd"), periodTo = today.AddDays(-1).ToString("yyyy-MM-dd"),
        });
        await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = today.ToString("yyyy-MM-dd") }, "secretary.s1");
        // The period ended yesterday: its timer is due, the student returns and the missed СОР/СОЧ are asked about.
        await @case.CompleteAsync("teacher.s1", "missedAssessments", new { assessmentsMissed = true, missedList = "Математика: БЖБ 2 / СОР 2" });
        await @case.CompleteAsync("teacher.s1", "individualSchedule", new
        {
            scheduleItems = "Математика, БЖБ 2 / СОР 2", scheduleUntil = today.AddDays(7).ToString("yyyy-MM-dd"),
        });

        var documents = await @case.DocumentsAsync("head.s1", "order-transfer", "parent-notice", "individual-schedule");
        await @case.SignAndVerifyAsync("head.s1", documents["order-transfer"], documents["parent-notice"]);
        var texts = await @case.ReadAsPdfAsync("head.s1", documents["order-transfer"], documents["parent-notice"], documents["individual-schedule"]);

        Assert.All(texts, text => DocumentTexts.Contains(text, @case.StudentName, DocumentTexts.School1(language), DocumentTexts.Basis(language),
            DocumentTexts.Act2025In(language), DocumentTexts.Paragraph(language, "п. 26")));
        DocumentTexts.Contains(texts[0], DocumentTexts.OrderTitle(language), "04-12/318", "Республиканский турнир по шахматам");
        SignedDocuments.CarriesOnlyItsNumber(texts[0], documents["order-transfer"].GetProperty("registryNumber").GetString()!);
        DocumentTexts.Contains(texts[1], DocumentTexts.Transferred(language), "04-12/318",
            ValueFormatter.FormatDate(today.AddDays(-1), language == "kk" ? DocumentLanguage.Kk : DocumentLanguage.Ru));
        DocumentTexts.Contains(texts[2], "Математика, БЖБ 2 / СОР 2");
        Assert.Equal("returned", (await @case.ReadAsync("clerk.s1")).GetProperty("status").GetString());

        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        var order = tracked.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("templateKey").GetString() == "order-transfer");
        Assert.True(order.GetProperty("signed").GetBoolean());
        Assert.True(tracked.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("templateKey").GetString() == "parent-notice")
            .GetProperty("signed").GetBoolean());
        Assert.Equal("PK"u8.ToArray(), (await parent.GetByteArrayAsync(order.GetProperty("contentUrl").GetString()))[..2]);
    }
}
