using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Documents.Rendering;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A medical commission's conclusion (2025 edition, 349/103 Annex 1 paras 24-25) over HTTP in Kazakh and in
/// Russian: the clerk registers the VKK conclusion, the head signs the order for its period, a new conclusion extends
/// it with a second signed order; the parent sees both orders.
/// </summary>
public sealed class MedicalCommissionEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task The_vkk_period_is_ordered_and_extended_by_a_new_conclusion_each_order_signed_by_the_head(string language)
    {
        var today = Pathways.Today;
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "medical-commission", await Pathways.ChildOfParentP1Async(api), language, today);

        // The clerk's task and the case cite their paragraph in both languages (workflows/citations.json), whatever the case's language.
        var clerk = await @case.ClientAsync("clerk.s1");
        await @case.OpenTasksAsync("clerk.s1");
        var task = (await clerk.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}")).GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("elementId").GetString() == "registerConclusion");
        Assert.Equal(DocumentTexts.Act2025In("kk") + "; Орта, қосымша, техникалық және кәсіптік, орта білімнен кейінгі білім беру ұйымдарында "
                     + "қашықтан оқыту бойынша оқу процесін ұйымдастыру қағидалары), 24-тармақ", task.GetProperty("legalBasis").GetProperty("kk").GetString());
        Assert.StartsWith(DocumentTexts.Act2025In("ru"), task.GetProperty("legalBasis").GetProperty("ru").GetString(), StringComparison.Ordinal);
        Assert.EndsWith(", п. 24", task.GetProperty("legalBasis").GetProperty("ru").GetString(), StringComparison.Ordinal);
        var detail = await clerk.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}");
        Assert.StartsWith("Қазақстан Республикасы Оқу-ағарту министрінің 2023 жылғы 27 қарашадағы № 349 бұйрығы",
            detail.GetProperty("definition").GetProperty("legalBasis").GetProperty("kk").GetString(), StringComparison.Ordinal);

        var conclusion = await @case.AttachEvidenceAsync("clerk.s1");
        await @case.CompleteAsync("clerk.s1", "registerConclusion", new
        {
            conclusionEvidenceId = conclusion,
            conclusionNumber = "ВКК-1452", conclusionDate = Day(-2), medicalOrganisation = "№ 5 қалалық емхана / Городская поликлиника № 5",
            periodFrom = Day(0), periodTo = Day(30),
        });
        var first = await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = Day(0) }, "secretary.s1");
        await @case.CompleteAsync("clerk.s1", "newConclusion", new { conclusionEvidenceId = await @case.AttachEvidenceAsync("clerk.s1"), conclusionNumber = "ВКК-1610", conclusionDate = Day(0), periodTo = Day(60) });
        // The extension is a new order: the step signs its current rendition, not the first order signed before.
        var extension = Assert.Single(await @case.SignStepAsync("head.s1", "signExtension", new { distanceFrom = Day(31) }, "secretary.s1"));
        Assert.NotEqual(first[0].GetProperty("id").GetString(), extension.GetProperty("id").GetString());

        await @case.DocumentsAsync("head.s1", "order-transfer", "parent-notice");
        var head = await @case.ClientAsync("head.s1");
        var all = (await head.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}/documents")).EnumerateArray().ToList();
        var orders = all.Where(d => d.GetProperty("templateKey").GetString() == "order-transfer").ToArray();
        var notice = all.Single(d => d.GetProperty("templateKey").GetString() == "parent-notice");
        Assert.Equal(2, orders.Length);
        await @case.SignAndVerifyAsync("head.s1", [.. orders, notice]);
        var texts = await @case.ReadAsPdfAsync("head.s1", [.. orders, notice]);

        Assert.All(texts, text => DocumentTexts.Contains(text, @case.StudentName, DocumentTexts.School1(language), DocumentTexts.Basis(language),
            DocumentTexts.Act2025In(language), DocumentTexts.Paragraph(language, "п. 24")));
        DocumentTexts.Contains(texts[0], DocumentTexts.OrderTitle(language), "ВКК-1452", DocumentTexts.Paragraph(language, "п. 24, п. 25"));
        DocumentTexts.Contains(texts[1], language == "kk" ? "Қашықтан оқытуды ұзарту туралы" : "О продлении дистанционного обучения", "ВКК-1610");
        SignedDocuments.CarriesOnlyItsNumber(texts[0], orders[0].GetProperty("registryNumber").GetString()!);
        SignedDocuments.CarriesOnlyItsNumber(texts[1], orders[1].GetProperty("registryNumber").GetString()!);
        DocumentTexts.Contains(texts[2], DocumentTexts.Transferred(language), "ВКК-1452",
            ValueFormatter.FormatDate(today.AddDays(30), language == "kk" ? DocumentLanguage.Kk : DocumentLanguage.Ru));

        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        Assert.Equal("transferred", tracked.GetProperty("status").GetString());
        Assert.Equal(2, tracked.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("templateKey").GetString() == "order-transfer"
                                                                                       && d.GetProperty("signed").GetBoolean()));
        Assert.True(tracked.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("templateKey").GetString() == "parent-notice")
            .GetProperty("signed").GetBoolean());
    }
}
