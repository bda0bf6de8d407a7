using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

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

        await @case.CompleteAsync("clerk.s1", "registerConclusion", new
        {
            conclusionNumber = "ВКК-1452", conclusionDate = Day(-2), medicalOrganisation = "№ 5 қалалық емхана / Городская поликлиника № 5",
            periodFrom = Day(0), periodTo = Day(30),
        });
        await @case.CompleteAsync("head.s1", "signOrder", new { orderNumber = "40-ө", orderDate = Day(0), distanceFrom = Day(0), signed = true });
        await @case.CompleteAsync("clerk.s1", "newConclusion", new { conclusionNumber = "ВКК-1610", conclusionDate = Day(0), periodTo = Day(60) });
        await @case.CompleteAsync("head.s1", "signExtension", new { orderNumber = "41-ө", orderDate = Day(0), distanceFrom = Day(31), signed = true });

        await @case.DocumentsAsync("head.s1", "order-transfer", "parent-notice");
        var head = await @case.ClientAsync("head.s1");
        var all = (await head.GetFromJsonAsync<JsonElement>($"/api/cases/{@case.Id}/documents")).EnumerateArray().ToList();
        var orders = all.Where(d => d.GetProperty("templateKey").GetString() == "order-transfer").ToArray();
        var notice = all.Single(d => d.GetProperty("templateKey").GetString() == "parent-notice");
        Assert.Equal(2, orders.Length);
        await @case.SignAndVerifyAsync("head.s1", [.. orders, notice]);
        var texts = await @case.ReadAsPdfAsync("head.s1", [.. orders, notice]);

        Assert.All(texts, text => DocumentTexts.Contains(text, @case.StudentName, DocumentTexts.School1(language), DocumentTexts.Basis(language),
            DocumentTexts.Act2025, "п. 24"));
        DocumentTexts.Contains(texts[0], DocumentTexts.OrderTitle(language), "ВКК-1452", "п. 24, п. 25");
        DocumentTexts.Contains(texts[1], language == "kk" ? "Қашықтан оқытуды ұзарту туралы" : "О продлении дистанционного обучения", "ВКК-1610");
        DocumentTexts.Contains(texts[2], DocumentTexts.Transferred(language));

        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        Assert.Equal("transferred", tracked.GetProperty("status").GetString());
        Assert.Equal(2, tracked.GetProperty("documents").EnumerateArray().Count(d => d.GetProperty("templateKey").GetString() == "order-transfer"
                                                                                       && d.GetProperty("signed").GetBoolean()));
    }
}
