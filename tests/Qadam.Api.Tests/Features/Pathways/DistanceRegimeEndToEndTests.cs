using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The secondary distance regime (349 para 15 / 103 para 5) over HTTP as the school's roles: after the head's order of a
/// medical or a competition case at s1, the called regime's steps are the case's tasks (hand-over by the clerk, the in-person
/// attestation by the class teacher, the council's decision by its secretary); the council's return ends the transfer.
/// </summary>
public sealed class DistanceRegimeEndToEndTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private static string Day(int days) => Pathways.Today.AddDays(days).ToString("yyyy-MM-dd");

    private static async Task AttestAndDecideAsync(PathwayCase @case, string decision)
    {
        // The attestation is today: its timer (midnight in Kazakhstan) is already due when the engine next runs.
        await @case.CompleteAsync("clerk.s1", "attestationSchedule", new { materialsHandedOver = true, attestationDate = Day(0), attestationKind = "current" });
        await @case.CompleteAsync("teacher.s1", "attestationResults",
            new { attestationAttended = true, attestationAverage = 4.2, attestationSummary = "ТЖБ тапсырылды / СОЧ сдан" });
        await @case.CompleteAsync("secretary.s1", "councilAttestationDecision", new { protocolNumber = "ПС-11", attestationDecision = decision });
    }

    [Fact]
    public async Task A_medical_case_at_a_school_runs_the_regime_and_the_council_returns_the_student_after_an_extension()
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "medical-commission", await Pathways.ChildOfParentP1Async(api), "kk", Pathways.Today);
        await @case.CompleteAsync("clerk.s1", "registerConclusion", new
        {
            conclusionEvidenceId = await @case.AttachEvidenceAsync("clerk.s1"),
            conclusionNumber = "ВКК-2001", conclusionDate = Day(-1), medicalOrganisation = "№ 5 қалалық емхана / Городская поликлиника № 5",
            periodFrom = Day(0), periodTo = Day(60),
        });
        await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = Day(0) }, "secretary.s1");
        Assert.Contains("attestationSchedule", await @case.OpenTasksAsync("clerk.s1"));
        Assert.Contains("newConclusion", await @case.OpenTasksAsync("clerk.s1"));

        await AttestAndDecideAsync(@case, "extend");
        Assert.Contains("attestationSchedule", await @case.OpenTasksAsync("clerk.s1"));
        await AttestAndDecideAsync(@case, "return");

        Assert.Empty(await @case.OpenTasksAsync("clerk.s1"));
        Assert.Equal("returned", (await @case.ReadAsync("clerk.s1")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_competition_case_at_a_school_runs_the_regime_and_the_council_returns_the_student_before_the_period_ends()
    {
        using var @case = await PathwayCase.FileAsync(api, "clerk.s1", "competition", await Pathways.ChildOfParentP1Async(api), "ru", Pathways.Today);
        await @case.CompleteAsync("clerk.s1", "registerLetter", new
        {
            letterEvidenceId = await @case.AttachEvidenceAsync("clerk.s1", "letter-04-12-512.pdf"),
            authorityName = "Управление физической культуры и спорта г. Астаны", letterNumber = "04-12/512", letterDate = Day(0),
            eventKind = "sport", eventName = "Республиканский турнир по шахматам", eventLevel = "national", periodFrom = Day(0), periodTo = Day(40),
        });
        await @case.SignStepAsync("head.s1", "signOrder", new { distanceFrom = Day(0) }, "secretary.s1");

        await AttestAndDecideAsync(@case, "return");

        Assert.Equal(["missedAssessments"], await @case.OpenTasksAsync("teacher.s1"));
        Assert.Equal("returned", (await @case.ReadAsync("clerk.s1")).GetProperty("status").GetString());
        var parent = await @case.ClientAsync("parent.p1");
        var tracked = (await parent.GetFromJsonAsync<JsonElement>("/api/parents/me/cases")).EnumerateArray()
            .SelectMany(c => c.GetProperty("cases").EnumerateArray()).Single(c => c.GetProperty("id").GetString() == @case.Id);
        Assert.DoesNotContain(tracked.GetProperty("nextSteps").EnumerateArray(), s => s.GetProperty("dueAt").ValueKind != JsonValueKind.Null);
    }
}
