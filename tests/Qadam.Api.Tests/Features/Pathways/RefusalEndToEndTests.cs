using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A refusal is the decision of the body that would have approved, issued by the head as a reasoned refusal, rendered,
/// signed by the head and only then sent to the parent (349 Annex 2 para 11-12, 103 Annex 1 para 28-29: the pedagogical
/// council and the board of trustees decide, the head's act carries the decision out). Over HTTP as the demo roles: a
/// parent application the councils vote down; and, at the pedagogical college c2 (excluded by 349 para 3-1 / 103 para 3),
/// the medical, competition and online-learning cases the head refuses.
/// </summary>
public sealed class RefusalEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static readonly string Today = Pathways.Today.ToString("yyyy-MM-dd");

    private static object Reasons(string kk, string ru) => new
    {
        refusalReasonKk = kk, refusalReasonRu = ru, refusalLegalBasis = "103 бұйрық, 1-қосымша, 28-тармақ / приказ № 103, приложение 1, п. 28",
    };

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task When_the_councils_vote_no_the_head_signs_the_reasoned_refusal_and_the_parent_reads_who_decided(string language)
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "parent-application", await Pathways.ChildOfParentP1Async(api), language, Pathways.Today);
        await @case.CompleteAsync("clerk.s1", "exclusionCheck", new { departsAbroad = false, destination = "Астана" });
        await @case.CompleteAsync("psychologist.s1", "psychologistConclusion", new
        {
            psychologistConclusion = "Бала дайын емес / Ребёнок не готов", psychologistRecommends = "no",
        });
        await @case.CompleteAsync("teacher.s1", "livingConditionsAct", new
        {
            inspectionDate = Today, livingConditions = "Жеке бөлме / Отдельная комната", hasComputer = true, hasInternet = true, hasWorkplace = true,
            conditionsForDistance = "yes",
        });
        await @case.CompleteAsync("teacher.s1", "academicIndicators", new { averageMark = 3.1, failedSubjects = 2, academicSummary = "Екі пәннен қарызы бар / Задолженность по двум предметам" });
        await @case.VoteAsync("councilVote", "no", [.. Enumerable.Range(1, 5).Select(i => $"council{i}.s1")]);
        await @case.VoteAsync("trusteesVote", "yes", [.. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s1")]);

        // The clerk and the council secretary have no refusal to write: the head issues it.
        Assert.DoesNotContain("refusalReasons", await @case.OpenTasksAsync("clerk.s1"));
        Assert.DoesNotContain("refusalReasons", await @case.OpenTasksAsync("secretary.s1"));
        await @case.CompleteAsync("head.s1", "refusalReasons", Reasons(
            "Педагогикалық кеңес көпшілік дауыспен қарсы: екі пән бойынша академиялық қарыз", "Педагогический совет большинством голосов против: академическая задолженность по двум предметам"));

        var notice = Assert.Single(await @case.SignStepAsync("head.s1", "signRefusal", new { }, "secretary.s1"));
        Assert.Equal("parent-notice", notice.GetProperty("templateKey").GetString());
        await @case.RunJobsAsync();
        Assert.Equal("refused", (await @case.ReadAsync("head.s1")).GetProperty("status").GetString());

        var text = Assert.Single(await @case.ReadAsPdfAsync("head.s1", notice));
        DocumentTexts.Contains(text, DocumentTexts.NoticeTitle(language), notice.GetProperty("registryNumber").GetString()!, @case.StudentName,
            language == "kk" ? "дәлелді бас тарту" : "Мотивированный отказ",
            language == "kk" ? "екі пән бойынша академиялық қарыз" : "академическая задолженность по двум предметам",
            // the pedagogical council decided, not the trustees (who voted yes)
            language == "kk" ? "Бас тарту туралы шешім қабылдаған: білім беру ұйымының педагогикалық кеңесі" : "Решение об отказе принято педагогическим советом",
            DocumentTexts.Paragraph(language, "п. 28 пп. 1)"));
        Assert.DoesNotContain(language == "kk" ? "қамқоршылық кеңесі" : "попечительским", text, StringComparison.Ordinal);

        // Each body has its own protocol extract: the pedagogical council's prints its votes only, the trustees' theirs only;
        // the child is seven, so no opinion was taken and none is printed. The council secretary and the head (chair) sign.
        var extracts = await @case.DocumentsAsync("head.s1", "council-protocol-extract", "trustees-protocol-extract");
        var council = extracts["council-protocol-extract"];
        var trustees = extracts["trustees-protocol-extract"];
        await @case.SignAndVerifyAsync("secretary.s1", council);
        var read = await @case.ReadAsPdfAsync("head.s1", council, trustees);
        DocumentTexts.Contains(read[0], "council1.s1: no", council.GetProperty("registryNumber").GetString()!,
            language == "kk" ? "Педагогикалық кеңестің дауыс беруі" : "Голосование педагогического совета");
        Assert.DoesNotContain("trustee", read[0], StringComparison.Ordinal);
        Assert.DoesNotContain(language == "kk" ? "Қамқоршылық кеңестің дауыс беруі" : "Голосование попечительского совета", read[0], StringComparison.Ordinal);
        Assert.DoesNotContain(language == "kk" ? "білім алушының пікірі" : "мнение обучающегося", read[0], StringComparison.Ordinal);
        DocumentTexts.Contains(read[1], "trustee1.s1: yes", trustees.GetProperty("registryNumber").GetString()!,
            language == "kk" ? "Қамқоршылық кеңестің дауыс беруі" : "Голосование попечительского совета");
        Assert.DoesNotContain("council", read[1], StringComparison.Ordinal);
        Assert.DoesNotContain(language == "kk" ? "Педагогикалық кеңестің дауыс беруі" : "Голосование педагогического совета", read[1], StringComparison.Ordinal);

        // The parent sees the refusal and its notice, signed by the head.
        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        Assert.Equal("refused", tracked.GetProperty("status").GetString());
        var seen = tracked.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("templateKey").GetString() == "parent-notice");
        Assert.True(seen.GetProperty("signed").GetBoolean());
        var check = await parent.GetFromJsonAsync<JsonElement>($"/api/documents/{seen.GetProperty("id").GetString()}/verification");
        Assert.True(check.GetProperty("isValid").GetBoolean(), check.GetRawText());

        // The parent's feed cites the paragraph in the parent's language (workflows/citations.json), kk and ru alike.
        foreach (var feedLanguage in new[] { "kk", "ru" })
        {
            JsonElement? notified = null;
            for (var waited = 0; waited < 150 && notified is null; waited++)
            {
                await @case.RunJobsAsync();
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parents/me/notifications");
                request.Headers.AcceptLanguage.ParseAdd(feedLanguage);
                using var response = await parent.SendAsync(request);
                notified = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
                    .Select(n => (JsonElement?)n).FirstOrDefault(n => n!.Value.GetProperty("caseId").GetString() == @case.Id);
                if (notified is null)
                {
                    await Task.Delay(100);
                }
            }

            Assert.NotNull(notified);
            var basis = notified.Value.GetProperty("legalBasis").GetString()!;
            Assert.StartsWith(DocumentTexts.Act2025In(feedLanguage), basis, StringComparison.Ordinal);
            Assert.Contains(feedLanguage == "kk" ? "28-тармағ" : "п. 28", basis, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_clerk_cannot_refuse_alone_when_the_child_departs_abroad_the_head_refuses_and_signs()
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "parent-application", await Pathways.ChildOfParentP1Async(api), "ru", Pathways.Today);
        await @case.CompleteAsync("clerk.s1", "exclusionCheck", new { departsAbroad = true, destination = "Стамбул" });

        Assert.Equal(["refusalReasons"], await @case.OpenTasksAsync("head.s1"));
        Assert.Empty(await @case.OpenTasksAsync("clerk.s1"));
        var head = await @case.ClientAsync("head.s1");
        var taskId = (await head.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element=refusalReasons"))
            .GetProperty("items")[0].GetProperty("id").GetString();
        var clerk = await @case.ClientAsync("clerk.s1");
        using (var refused = await clerk.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data = Reasons("Шетелге кетеді", "Выезд за рубеж") })))
        {
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"the clerk refusing: {refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
        }

        await @case.CompleteAsync("head.s1", "refusalReasons", Reasons("Шетелге (Стамбул) кетеді", "Выезд за пределы Республики Казахстан (Стамбул)"));
        var notice = Assert.Single(await @case.SignStepAsync("head.s1", "signRefusal", new { }, "secretary.s1"));
        var text = Assert.Single(await @case.ReadAsPdfAsync("head.s1", notice));
        DocumentTexts.Contains(text, notice.GetProperty("registryNumber").GetString()!, "Выезд за пределы Республики Казахстан (Стамбул)",
            "Решение об отказе принято руководителем организации образования");
    }

    [Theory]
    [InlineData("medical-commission", "kk")]
    [InlineData("medical-commission", "ru")]
    [InlineData("competition", "kk")]
    [InlineData("competition", "ru")]
    [InlineData("tvet-online", "kk")]
    [InlineData("tvet-online", "ru")]
    public async Task At_the_pedagogical_college_the_head_signs_the_reasoned_refusal_before_the_parent_is_told(string pathway, string language)
    {
        var student = await StudentAtPedagogicalCollegeAsync();
        using var @case = await PathwayCase.FileAsync(api, "clerk.c2", pathway, student, language, Pathways.Today);
        if (pathway is "medical-commission" or "competition")
        {
            // The VKK conclusion / the authority's letter must be in the case: without the file the step is 422 naming it.
            var (element, field, data, name) = pathway == "medical-commission"
                ? ("registerConclusion", "conclusionEvidenceId",
                    new JsonObject
                    {
                        ["conclusionNumber"] = "ВКК-77", ["conclusionDate"] = Today, ["medicalOrganisation"] = "Городская поликлиника № 2",
                        ["periodFrom"] = Today, ["periodTo"] = Today,
                    },
                    language == "kk" ? "ДКК қорытындысы" : "Заключение ВКК")
                : ("registerLetter", "letterEvidenceId",
                    new JsonObject
                    {
                        ["authorityName"] = "Управление физической культуры и спорта", ["letterNumber"] = "04-12/318", ["letterDate"] = Today,
                        ["eventKind"] = "sport", ["eventName"] = "Республиканский турнир", ["eventLevel"] = "national", ["periodFrom"] = Today, ["periodTo"] = Today,
                    },
                    language == "kk" ? "Уәкілетті органның бұйрығы (хаты)" : "Приказ (письмо) уполномоченного органа");
            Assert.Contains(element, await @case.OpenTasksAsync("clerk.c2"));
            var clerk = await @case.ClientAsync("clerk.c2");
            var taskId = (await clerk.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={@case.Id}&element={element}"))
                .GetProperty("items")[0].GetProperty("id").GetString();
            foreach (var attempt in new JsonNode?[] { null, Guid.NewGuid().ToString() })
            {
                data[field] = attempt?.DeepClone();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete") { Content = Pathways.Json(new { data }) };
                request.Headers.AcceptLanguage.ParseAdd(language);
                using var refused = await clerk.SendAsync(request);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, $"without the file: {refused.StatusCode} {problem}");
                Assert.Contains(name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.True(problem.GetProperty("errors").TryGetProperty("data." + field, out _), problem.ToString());
            }

            Assert.Contains(element, await @case.OpenTasksAsync("clerk.c2"));
            data[field] = await @case.AttachEvidenceAsync("clerk.c2");
            await @case.CompleteAsync("clerk.c2", element, data);
        }

        Assert.Equal(["refusalReasons"], await @case.OpenTasksAsync("head.c2"));
        await @case.CompleteAsync("head.c2", "refusalReasons", Reasons(
            "Колледж педагогикалық білім беру бағдарламаларын іске асырады", "Колледж реализует программы педагогического образования"));
        // Nothing reaches the parent before the head signs: the case waits at the head's signing step.
        Assert.Equal(["signRefusal"], await @case.OpenTasksAsync("head.c2"));

        var notice = Assert.Single(await @case.SignStepAsync("head.c2", "signRefusal", new { }, "secretary.c2"));
        await @case.RunJobsAsync();
        Assert.Equal("refused", (await @case.ReadAsync("head.c2")).GetProperty("status").GetString());
        var text = Assert.Single(await @case.ReadAsPdfAsync("head.c2", notice));
        DocumentTexts.Contains(text, DocumentTexts.NoticeTitle(language), notice.GetProperty("registryNumber").GetString()!,
            language == "kk" ? "Колледж педагогикалық білім беру бағдарламаларын іске асырады" : "Колледж реализует программы педагогического образования",
            language == "kk" ? "Бас тарту туралы шешім қабылдаған: білім беру ұйымының басшысы" : "Решение об отказе принято руководителем организации образования");
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
    }

    // c2 has no demo roster: one student of c1 moves there, as a roster import would put them (TvetExclusionEndToEndTests).
    private async Task<string> StudentAtPedagogicalCollegeAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var c1 = await db.Organisations.SingleAsync(o => o.Code == "c1");
        var c2 = await db.Organisations.SingleAsync(o => o.Code == "c2");
        var student = await db.Students.Where(s => s.OrganisationId == c1.Id).OrderBy(s => s.Iin).Select(s => s.Iin).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""UPDATE qadam.students SET organisation_id = {c2.Id} WHERE iin = {student}""");
        return student;
    }
}
