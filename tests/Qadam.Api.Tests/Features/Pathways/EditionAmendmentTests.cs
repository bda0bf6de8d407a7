using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The legal department amends a published pathway: a draft saved from the published 2025 parent application (one step
/// relabelled) keeps every template of that edition, is published effective tomorrow, and once that day comes a case
/// filed under it produces, signs and verifies every document of the pathway, as the edition before did.
/// </summary>
public sealed class EditionAmendmentTests(MovableClockApiFactory api) : IClassFixture<MovableClockApiFactory>
{
    private const string Key = "parent-application";

    [Fact]
    public async Task A_new_edition_made_from_the_published_one_keeps_its_templates_and_its_cases_get_every_document_signed()
    {
        using var legal = await api.ClientForAsync("legal.r1");
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/definitions/{Key}/versions/2");
        read.Headers.Accept.ParseAdd("application/xml");
        using var published = await legal.SendAsync(read);
        var xml = await published.Content.ReadAsStringAsync();
        Assert.Contains("qadam:labelRu=\"Подписание приказа руководителем\"", xml, StringComparison.Ordinal);
        var amended = xml.Replace("qadam:labelRu=\"Подписание приказа руководителем\"",
            "qadam:labelRu=\"Подписание приказа руководителем организации\"", StringComparison.Ordinal);

        using var draft = await legal.PostAsync($"/api/definitions/{Key}/drafts", Pathways.Xml(amended));
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var version = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        Assert.Equal(3, version);

        // The draft renders with the templates of the version it was made from: every key in kk and ru.
        static async Task<List<string>> TemplatesOf(HttpClient client, int version) =>
            [.. (await client.GetFromJsonAsync<JsonElement[]>($"/api/definitions/{Key}/versions/{version}/templates"))!
                .Select(t => $"{t.GetProperty("templateKey").GetString()}.{t.GetProperty("language").GetString()}").Order(StringComparer.Ordinal)];
        var before = await TemplatesOf(legal, 2);
        Assert.Equal(14, before.Count); // seven documents in kk and ru: the trustees' protocol extract and the head's list of disciplines among them
        Assert.Equal(before, await TemplatesOf(legal, version));

        var tomorrow = api.Time.Today.AddDays(1);
        using var publish = await legal.PostAsync($"/api/definitions/{Key}/versions/{version}/publish", Pathways.Json(new
        {
            effectiveFrom = tomorrow.ToString("yyyy-MM-dd"),
            legalBasis = new { act = "Приказ Министра просвещения РК от 27.11.2023 № 349 в редакции приказа от 02.05.2025 № 103", edition = "2025", paragraph = "п. 28" },
        }));
        Assert.True(publish.StatusCode == HttpStatusCode.OK, await publish.Content.ReadAsStringAsync());

        api.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(tomorrow, api.Time.Today);
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", Key, await Pathways.ChildOfParentP1Async(api), "ru", tomorrow);
        Assert.Equal(version, (await @case.ReadAsync("clerk.s1")).GetProperty("definitionVersion").GetInt32());

        var day = tomorrow.ToString("yyyy-MM-dd");
        await @case.CompleteAsync("clerk.s1", "exclusionCheck", new { departsAbroad = false, destination = "Астана" });
        await @case.CompleteAsync("psychologist.s1", "psychologistConclusion", new
        {
            psychologistConclusion = "Бала дистанциялық форматқа бейімделуге дайын / Ребёнок готов к дистанционному формату", psychologistRecommends = "yes",
        });
        await @case.CompleteAsync("teacher.s1", "livingConditionsAct", new
        {
            inspectionDate = day, livingConditions = "Жеке бөлме / Отдельная комната", hasComputer = true, hasInternet = true, hasWorkplace = true,
            conditionsForDistance = "yes",
        });
        await @case.CompleteAsync("teacher.s1", "academicIndicators", new { averageMark = 4.6, failedSubjects = 0, academicSummary = "Үлгерімі жақсы / Успевает" });
        await @case.VoteAsync("councilVote", "yes", [.. Enumerable.Range(1, 5).Select(i => $"council{i}.s1")]);
        await @case.VoteAsync("trusteesVote", "yes", [.. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s1")]);
        for (var attempt = 0; attempt < 100 && !(await @case.OpenTasksAsync("head.s1")).Contains("signOrder"); attempt++)
        {
            await Task.Delay(100);
        }

        var task = (await (await @case.ClientAsync("head.s1")).GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element=signOrder"))
            .GetProperty("items")[0];
        Assert.Equal("Подписание приказа руководителем организации", task.GetProperty("labelRu").GetString());
        await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = day }, "secretary.s1");

        // Every document of the pathway, each signed by its own signers, under the new version.
        var documents = await @case.DocumentsAsync("head.s1",
            "order-transfer", "parent-notice", "council-protocol-extract", "trustees-protocol-extract", "psychologist-conclusion",
            "living-conditions-act");
        Assert.All(documents.Values, d => Assert.Equal(version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            d.GetProperty("processVersion").GetString()));
        await @case.SignAndVerifyAsync("psychologist.s1", documents["psychologist-conclusion"]);
        await @case.SignAndVerifyAsync("teacher.s1", documents["living-conditions-act"]);
        await @case.SignAndVerifyAsync("secretary.s1", documents["council-protocol-extract"]);
        await @case.SignAndVerifyAsync("secretary.s1", documents["trustees-protocol-extract"]);
        await SignedDocuments.SignAndVerifyAsync(await @case.ClientAsync("head.s1"), [documents["order-transfer"], documents["parent-notice"]]);
        var head = await @case.ClientAsync("head.s1");
        foreach (var extract in new[] { "council-protocol-extract", "trustees-protocol-extract" })
        {
            using var chair = await head.PostAsync($"/api/documents/{documents[extract].GetProperty("id").GetString()}/signatures",
                Pathways.Json(new { mode = "server" }));
            Assert.Equal(HttpStatusCode.Created, chair.StatusCode);
        }

        foreach (var document in documents.Values)
        {
            var verification = await head.GetFromJsonAsync<JsonElement>($"/api/documents/{document.GetProperty("id").GetString()}/verification");
            Assert.True(verification.GetProperty("isValid").GetBoolean(), verification.GetRawText());
        }

        var texts = await @case.ReadAsPdfAsync("head.s1", documents["order-transfer"], documents["parent-notice"]);
        SignedDocuments.CarriesOnlyItsNumber(texts[0], documents["order-transfer"].GetProperty("registryNumber").GetString()!);
        DocumentTexts.Contains(texts[1], DocumentTexts.Transferred("ru"));

        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        Assert.Equal("transferred", tracked.GetProperty("status").GetString());
        Assert.All(tracked.GetProperty("documents").EnumerateArray(), d => Assert.True(d.GetProperty("signed").GetBoolean(), d.GetRawText()));
    }
}
