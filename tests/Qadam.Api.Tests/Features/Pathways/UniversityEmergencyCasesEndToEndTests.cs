using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// A university's registered emergency and its students' own cases over HTTP (order 97 para 2, 26, 27): the cases open when
/// it is registered and those filed while it is in force are decided with the mobility cap lifted; the registrar's inbox
/// names each case's programme and faculty, and the case history names the people who decided.
/// </summary>
public sealed class UniversityEmergencyCasesEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private async Task<string> IinOfAsync(string userName)
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Iin!).SingleAsync();
    }

    private static async Task RegisterAndPlanMobilityAsync(PathwayCase @case, DateOnly today)
    {
        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd");
        var conclusion = await @case.AttachEvidenceAsync("registrar.u1");
        await @case.CompleteAsync("registrar.u1", "registerApplication", new
        {
            documentEvidenceId = conclusion, reason = "vkk", documentNumber = "ВКК-27", documentDate = Day(-1), issuer = "Поликлиника № 7",
            periodFrom = Day(0), periodTo = Day(30),
        });
        // 60 of the programme's credits in academic mobility: 25 %, over para 26's 20 % unless an emergency lifts it (para 27).
        await @case.CompleteAsync("dean.u1", "deanReview", new
        {
            deanDecision = "approve", distanceDisciplines = new[] { "D06" }, distancePercent = 20, mobilityCredits = 60, format = "mixed", schedule = "—",
        });
    }

    [Fact]
    public async Task During_a_registered_emergency_open_and_new_cases_allow_mobility_past_20_percent_and_the_inbox_and_history_name_programme_and_people()
    {
        var today = Pathways.Today;
        using var before = await PathwayCase.FileAsync(api, "registrar.u1", "university-distance", await IinOfAsync("student2.u1"), "ru", today);
        using var registrar = await api.ClientForAsync("registrar.u1");

        // the registrar's inbox names the student's programme and faculty (from the student's study plan)
        var inbox = await registrar.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={before.Id}");
        var study = Assert.Single(inbox.GetProperty("items").EnumerateArray()).GetProperty("study");
        Assert.Equal("6B04101", study.GetProperty("programmeCode").GetString());
        Assert.Equal("Экономика", study.GetProperty("programmeRu").GetString());
        Assert.Equal("Факультет экономики и права", study.GetProperty("facultyRu").GetString());
        Assert.Equal("Экономика және құқық факультеті", study.GetProperty("facultyKk").GetString());

        // when the registrar registers the regional department's emergency order (the issuer chosen by its code)
        using var posted = await registrar.PostAsync("/api/universities/emergency-transfers", Pathways.Json(new
        {
            issuingBody = "r1", number = "ЧС-27", date = today, period = new { from = today, to = today.AddDays(14) }, ground = "Карантин",
        }));
        Assert.True(posted.StatusCode == HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        using var during = await PathwayCase.FileAsync(api, "registrar.u1", "university-distance", await IinOfAsync("student4.u1"), "kk", today);

        // then both the case open at the time and the one filed during it pass the dean's plan to the rector
        await RegisterAndPlanMobilityAsync(before, today);
        await RegisterAndPlanMobilityAsync(during, today);
        Assert.Contains("signOrder", await before.OpenTasksAsync("rector.u1"));
        Assert.Contains("signOrder", await during.OpenTasksAsync("rector.u1"));

        // and the case history names the registrar and the dean as people, beside their accounts
        var detail = await registrar.GetFromJsonAsync<JsonElement>($"/api/cases/{before.Id}");
        var decisions = detail.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal(["registrar.u1", "dean.u1"], decisions.Select(d => d.GetProperty("decidedBy").GetString()));
        Assert.Equal(["Жұмабекова Сәуле Нұрланқызы", "Әбілов Ерлан Қайратұлы"], decisions.Select(d => d.GetProperty("decidedByName").GetString()));
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("event").GetString() == "task-completed" && e.GetProperty("actorName").GetString() == "Әбілов Ерлан Қайратұлы");
        var audit = await registrar.GetFromJsonAsync<JsonElement>($"/api/cases/{before.Id}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("actor").GetString() == "registrar.u1"
                                                     && e.GetProperty("actorName").GetString() == "Жұмабекова Сәуле Нұрланқызы");
    }
}
