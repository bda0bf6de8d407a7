using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// The parent application (ground 5) run through the engine with both editions published at their effective
/// dates: 349 Annex 2 para 11 and 15 (2023) and, as amended by 103, Annex 1 para 28 and 5 (2025).
/// </summary>
public sealed class ParentApplicationTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = "c-astana-polytech";
    private static readonly DateOnly FiledIn2025 = new(2025, 9, 1);

    private Task PublishAsync() => Pathway.Load("parent-application").PublishAsync(Fixture);

    private async Task<Guid> StartSecondaryAsync(string iin)
    {
        await PublishAsync();
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Secondary(iin, School), FiledIn2025);
        await CompleteAsAsync(started.InstanceId, "exclusionCheck", As("clerk"),
            new JsonObject { ["departsAbroad"] = false, ["destination"] = "Астана" });
        return started.InstanceId;
    }

    private async Task GatherEvidenceAsync(Guid id)
    {
        await CompleteAsAsync(id, "psychologistConclusion", As("psychologist"),
            new JsonObject { ["psychologistConclusion"] = "Қарсы көрсетілім жоқ / Противопоказаний нет", ["psychologistRecommends"] = "yes" });
        await CompleteAsAsync(id, "livingConditionsAct", As("socialPedagogue"),
            new JsonObject { ["inspectionDate"] = "2025-09-03", ["livingConditions"] = "Жеке бөлме / Отдельная комната", ["hasComputer"] = true,
                ["hasInternet"] = true, ["hasWorkplace"] = true, ["conditionsForDistance"] = "yes" });
        if ((await OpenTaskIdsAsync(id)).Contains("childOpinion"))
        {
            await CompleteAsAsync(id, "childOpinion", As("classTeacher"), new JsonObject { ["childOpinion"] = "Келісемін / Согласен", ["childAgrees"] = "yes" });
        }

        await CompleteAsAsync(id, "academicIndicators", As("classTeacher"),
            new JsonObject { ["averageMark"] = 4.6, ["failedSubjects"] = 0, ["academicSummary"] = "Жақсы / Хорошо" });
    }

    private async Task AttestationAsync(Guid id, int inDays, string decision)
    {
        var attestationDay = Today.AddDays(inDays);
        await CompleteAsAsync(id, "attestationSchedule", As("clerk"),
            new JsonObject { ["materialsHandedOver"] = true, ["attestationDate"] = Iso(attestationDay), ["attestationKind"] = "current" });
        Fixture.Clock.Advance(TimeSpan.FromDays(inDays - 1));
        await FireTimersAsync();
        Assert.DoesNotContain("attestationResults", await OpenTaskIdsAsync(id));
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();
        await CompleteAsAsync(id, "attestationResults", As("classTeacher"),
            new JsonObject { ["attestationAttended"] = true, ["attestationAverage"] = 4.4, ["attestationSummary"] = "ТЖБ тапсырылды / СОЧ сдан" });
        await CompleteAsAsync(id, "councilAttestationDecision", As("councilSecretary"),
            new JsonObject { ["protocolNumber"] = "ПС-7", ["attestationDecision"] = decision });
    }

    [Fact]
    public async Task A_secondary_application_gathers_evidence_passes_both_votes_gets_the_order_and_loops_per_attestation_until_return()
    {
        var id = await StartSecondaryAsync(ParentApplicationCase.ElevenYearOld);
        Assert.Equal(["academicIndicators", "childOpinion", "livingConditionsAct", "psychologistConclusion"], await OpenTaskIdsAsync(id));
        await GatherEvidenceAsync(id);

        Assert.True((await OpenTasksAsync(id)).Count == 8, await DiagnoseAsync(id));
        await VoteAsync(id, "councilVote", "council1.s-astana-017", "councilMember", "yes");
        await VoteAsync(id, "councilVote", "council2.s-astana-017", "councilMember", "no");
        await VoteAsync(id, "councilVote", "council3.s-astana-017", "councilMember", "yes");
        await VoteAsync(id, "councilVote", "council4.s-astana-017", "councilMember", "yes");
        await VoteAsync(id, "trusteesVote", "trustee1.s-astana-017", "trustee", "yes");
        await VoteAsync(id, "trusteesVote", "trustee3.s-astana-017", "trustee", "yes");

        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(id));
        await CompleteAsAsync(id, "signOrder", As("head"),
            new JsonObject { ["orderNumber"] = "017-ДО-12", ["orderDate"] = "2025-09-10", ["distanceFrom"] = "2025-09-15", ["signed"] = true });
        await AttestationAsync(id, 30, "extend");
        await AttestationAsync(id, 60, "return");

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["notifyParent", "notifyReturn"], await NotifiedElementsAsync(id));
        var documents = await StringsAsync(id, "renderedDocuments");
        Assert.Equal(["council-protocol-extract", "trustees-protocol-extract", "order-transfer", "parent-notice", "parent-notice"], documents.Skip(2));
        Assert.Equal(["living-conditions-act", "psychologist-conclusion"], documents.Take(2).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_council_majority_against_refuses_with_recorded_reasons_and_a_reasoned_notice()
    {
        var id = await StartSecondaryAsync(ParentApplicationCase.ElevenYearOld);
        await GatherEvidenceAsync(id);

        await VoteAsync(id, "councilVote", "council1.s-astana-017", "councilMember", "no");
        await VoteAsync(id, "councilVote", "council2.s-astana-017", "councilMember", "no");
        await VoteAsync(id, "councilVote", "council5.s-astana-017", "councilMember", "no");
        Assert.DoesNotContain("councilVote", await OpenTaskIdsAsync(id));
        await VoteAsync(id, "trusteesVote", "trustee1.s-astana-017", "trustee", "yes");
        await VoteAsync(id, "trusteesVote", "trustee2.s-astana-017", "trustee", "yes");
        // The head issues the council's refusal and signs it (the signatures themselves are the API's: RefusalEndToEndTests).
        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(id));
        Assert.Equal(["head"], (await OpenTaskAsync(id, "refusalReasons")).CandidateRoles);
        Assert.Equal("pedagogicalCouncil", (await VariablesAsync(id))["refusalBody"]!.GetValue<string>());
        await CompleteAsAsync(id, "refusalReasons", As("head"), new JsonObject
        {
            ["refusalReasonKk"] = "Оқу үлгерімі төмен", ["refusalReasonRu"] = "Низкие показатели успеваемости",
            ["refusalLegalBasis"] = "Приказ № 349 в ред. № 103, прил. 1, п. 28 пп. 1)",
        });
        Assert.Equal(["signRefusal"], await OpenTaskIdsAsync(id));
        Assert.Empty(await NotifiedElementsAsync(id));
        await CompleteAsAsync(id, "signRefusal", As("head"), new JsonObject());

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["statusRefused"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["notifyRefusal"], await NotifiedElementsAsync(id));
        Assert.Equal(["council-protocol-extract", "trustees-protocol-extract", "parent-notice"], (await StringsAsync(id, "renderedDocuments")).Skip(2));
        Assert.Equal("Низкие показатели успеваемости", (await VariablesAsync(id))["refusalReasonRu"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_TVET_application_is_decided_by_the_methodological_council_alone_within_the_20_percent_cap()
    {
        await PublishAsync();
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Tvet(College, "it"), FiledIn2025);

        Assert.Equal(["tvetCouncilDecision"], await OpenTaskIdsAsync(started.InstanceId));
        await CompleteAsAsync(started.InstanceId, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "methodological", ["protocolNumber"] = "МС-3", ["protocolDate"] = "2025-09-05",
            ["periodFrom"] = "2025-09-10", ["periodTo"] = "2025-12-28",
            ["distanceHours"] = 400, ["totalHours"] = 2400, ["councilDecision"] = "approve",
        });
        await CompleteAsAsync(started.InstanceId, "approvedDisciplines", As("head", College), ParentApplicationCase.ApprovedDisciplines());
        await CompleteAsAsync(started.InstanceId, "signDisciplines", As("head", College), new JsonObject());
        await CompleteAsAsync(started.InstanceId, "signOrder", As("head", College),
            new JsonObject { ["orderNumber"] = "К-44", ["orderDate"] = "2025-09-08", ["distanceFrom"] = "2025-09-10", ["signed"] = true });

        Assert.Equal(InstanceStatus.Active, await StatusAsync(started.InstanceId));
        Assert.Equal(["approved-disciplines", "order-transfer", "parent-notice"], await StringsAsync(started.InstanceId, "renderedDocuments"));
        Assert.Equal(["statusTransferred"], await StringsAsync(started.InstanceId, "statusHistory"));
        Assert.Equal([400.0], ((await VariablesAsync(started.InstanceId))["ledgerRecords"] as System.Text.Json.Nodes.JsonArray)!
            .Select(h => h!.GetValue<double>()));
    }

    [Fact]
    public async Task A_TVET_student_returns_to_class_the_day_after_the_period_the_council_set()
    {
        await PublishAsync();
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Tvet(College, "it"), FiledIn2025);
        var periodTo = Today.AddDays(20);
        await CompleteAsAsync(started.InstanceId, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "methodological", ["protocolNumber"] = "МС-3", ["protocolDate"] = Iso(Today),
            ["periodFrom"] = Iso(Today.AddDays(2)), ["periodTo"] = Iso(periodTo),
            ["distanceHours"] = 200, ["totalHours"] = 2400, ["councilDecision"] = "approve",
        });
        await CompleteAsAsync(started.InstanceId, "approvedDisciplines", As("head", College), ParentApplicationCase.ApprovedDisciplines());
        await CompleteAsAsync(started.InstanceId, "signDisciplines", As("head", College), new JsonObject());
        await CompleteAsAsync(started.InstanceId, "signOrder", As("head", College),
            new JsonObject { ["orderNumber"] = "К-45", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(Today.AddDays(2)), ["signed"] = true });

        Fixture.Clock.Advance(TimeSpan.FromDays(20));
        await FireTimersAsync();
        var onLastDay = await StatusAsync(started.InstanceId);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();

        Assert.Equal(InstanceStatus.Active, onLastDay);
        Assert.True(await StatusAsync(started.InstanceId) == InstanceStatus.Completed, await DiagnoseAsync(started.InstanceId));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(started.InstanceId, "statusHistory"));
        Assert.Equal(["approved-disciplines", "order-transfer", "parent-notice", "parent-notice"], await StringsAsync(started.InstanceId, "renderedDocuments"));
    }

    [Fact]
    public async Task A_second_TVET_transfer_is_refused_when_the_ledger_already_holds_most_of_the_20_percent()
    {
        await PublishAsync();
        var variables = ParentApplicationCase.Tvet(College, "it");
        variables["ledgerPriorHours"] = 300;
        var started = await StartFiledAsync("parent-application", variables, FiledIn2025);
        await CompleteAsAsync(started.InstanceId, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "pedagogical", ["protocolNumber"] = "ПС-10", ["protocolDate"] = "2025-09-05",
            ["periodFrom"] = "2025-09-10", ["periodTo"] = "2025-10-10",
            ["distanceHours"] = 200, ["totalHours"] = 2400, ["councilDecision"] = "approve",
        });

        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.False((await VariablesAsync(started.InstanceId))["distanceCap"]!["withinCap"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_TVET_application_over_the_20_percent_cap_is_refused_even_when_the_council_approves()
    {
        await PublishAsync();
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Tvet(College, "it"), FiledIn2025);
        await CompleteAsAsync(started.InstanceId, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "pedagogical", ["protocolNumber"] = "ПС-9", ["protocolDate"] = "2025-09-05",
            ["periodFrom"] = "2025-09-10", ["periodTo"] = "2025-12-28",
            ["distanceHours"] = 600, ["totalHours"] = 2400, ["councilDecision"] = "approve",
        });

        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.False((await VariablesAsync(started.InstanceId))["distanceCap"]!["withinCap"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_college_teaching_a_medical_programme_cannot_grant_distance_learning_at_all()
    {
        await PublishAsync();
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Tvet(College, "medical"), FiledIn2025);

        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.True((await VariablesAsync(started.InstanceId))["programmeCheck"]!["excluded"]!.GetValue<bool>());
    }
}
