using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// The secondary "distance regime" (349 Annex 2 para 15 for grounds 2)-5) of para 3; 103 Annex 1 para 5, literally grounds
/// 2)-5) after the renumbering): one called definition, <c>distance-regime</c>, that the medical and competition cases at a
/// school start after the head's order: materials and the СОР/СОЧ schedule handed over, attestation in person at the
/// school, then the pedagogical council extends or returns. The ground's own period still ends the transfer.
/// </summary>
public sealed class DistanceRegimeTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private static readonly DateOnly FiledIn2023Edition = new(2025, 2, 3);
    private static readonly DateOnly FiledIn2025Edition = new(2025, 9, 1);

    private async Task<Guid> MedicalAsync(DateOnly filed, DateOnly periodTo)
    {
        await Pathway.Load("medical-commission").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "medical";
        var started = await StartFiledAsync("medical-commission", variables, filed);
        await CompleteAsAsync(started.InstanceId, "registerConclusion", As("clerk"), new JsonObject
        {
            ["conclusionNumber"] = "ДКК-5521", ["conclusionDate"] = Iso(Today), ["medicalOrganisation"] = "№ 4 қалалық емхана / Городская поликлиника № 4",
            ["periodFrom"] = Iso(Today), ["periodTo"] = Iso(periodTo),
        });
        await CompleteAsAsync(started.InstanceId, "signOrder", As("head"),
            new JsonObject { ["orderNumber"] = "017-М-9", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(Today), ["signed"] = true });
        return started.InstanceId;
    }

    private async Task<Guid> CompetitionAsync(DateOnly filed, DateOnly periodTo)
    {
        await Pathway.Load("competition").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "competition";
        var started = await StartFiledAsync("competition", variables, filed);
        await CompleteAsAsync(started.InstanceId, "registerLetter", As("clerk"), new JsonObject
        {
            ["authorityName"] = "ҚР Туризм және спорт министрлігі / Министерство туризма и спорта РК", ["letterNumber"] = "04-2/1187",
            ["letterDate"] = Iso(Today), ["eventKind"] = "sport", ["eventName"] = "Азия чемпионаты (дзюдо) / Чемпионат Азии (дзюдо)",
            ["eventLevel"] = "international", ["periodFrom"] = Iso(Today), ["periodTo"] = Iso(periodTo), ["departsToDangerZone"] = false,
        });
        await CompleteAsAsync(started.InstanceId, "signOrder", As("head"),
            new JsonObject { ["orderNumber"] = "017-С-4", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(Today), ["signed"] = true });
        return started.InstanceId;
    }

    /// <summary>Hand-over and schedule (para 15(1) / 5(1)), the in-person attestation (15(3) / 5(3)), the council (15(4) / 5(4)).</summary>
    private async Task AttestationAsync(Guid id, int inDays, string decision)
    {
        await CompleteAsAsync(id, "attestationSchedule", As("clerk"),
            new JsonObject { ["materialsHandedOver"] = true, ["attestationDate"] = Iso(Today.AddDays(inDays)), ["attestationKind"] = "current" });
        Fixture.Clock.Advance(TimeSpan.FromDays(inDays - 1));
        await FireTimersAsync();
        Assert.DoesNotContain("attestationResults", await OpenTaskIdsAsync(id));
        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await FireTimersAsync();
        await CompleteAsAsync(id, "attestationResults", As("classTeacher"),
            new JsonObject { ["attestationAttended"] = true, ["attestationAverage"] = 4.1, ["attestationSummary"] = "ТЖБ тапсырылды / СОЧ сдан" });
        await CompleteAsAsync(id, "councilAttestationDecision", As("councilSecretary"),
            new JsonObject { ["protocolNumber"] = "ПС-7", ["attestationDecision"] = decision });
    }

    private async Task<(int Version, DateOnly EffectiveFrom, InstanceStatus Status)> RegimeOfAsync(Guid caseInstance)
    {
        await using var db = Fixture.NewContext();
        var child = await db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == caseInstance);
        var definition = await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == child.DefinitionId);
        Assert.Equal("distance-regime", definition.Key);
        return (definition.Version, definition.EffectiveFrom!.Value, child.Status);
    }

    [Fact]
    public async Task A_medical_case_at_a_school_hands_over_the_materials_and_the_council_returns_the_student_before_the_VKK_period_ends()
    {
        var id = await MedicalAsync(FiledIn2025Edition, Today.AddDays(90));
        Assert.Equal(["attestationSchedule", "newConclusion"], await OpenTaskIdsAsync(id));

        await AttestationAsync(id, 20, "extend");
        Assert.Equal(["attestationSchedule", "newConclusion"], await OpenTaskIdsAsync(id));
        await AttestationAsync(id, 20, "return");

        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id));
        Assert.Empty(await OpenTaskIdsAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["notifyParent", "notifyReturn"], await NotifiedElementsAsync(id));
        Assert.Equal("return", (await VariablesAsync(id))["attestationDecision"]!.GetValue<string>());
        Assert.Equal((new DateOnly(2025, 5, 13), InstanceStatus.Completed), ((await RegimeOfAsync(id)).EffectiveFrom, (await RegimeOfAsync(id)).Status));
    }

    [Fact]
    public async Task A_medical_case_under_2023_runs_the_2023_regime_and_the_end_of_the_VKK_period_returns_the_student_whatever_the_council_extended()
    {
        var id = await MedicalAsync(FiledIn2023Edition, Today.AddDays(30));
        await AttestationAsync(id, 10, "extend");

        Fixture.Clock.Advance(TimeSpan.FromDays(21));
        await FireTimersAsync();

        Assert.Equal(InstanceStatus.Terminated, await StatusAsync(id));
        Assert.Empty(await OpenTaskIdsAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        var regime = await RegimeOfAsync(id);
        Assert.Equal(new DateOnly(2023, 12, 8), regime.EffectiveFrom);
        Assert.Equal(InstanceStatus.Cancelled, regime.Status);
    }

    [Fact]
    public async Task A_competition_case_at_a_school_is_returned_by_the_council_after_an_in_person_attestation_under_2023()
    {
        var id = await CompetitionAsync(FiledIn2023Edition, Today.AddDays(40));
        Assert.Equal(["attestationSchedule"], await OpenTaskIdsAsync(id));

        await AttestationAsync(id, 14, "return");

        Assert.Equal(["missedAssessments"], await OpenTaskIdsAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(new DateOnly(2023, 12, 8), (await RegimeOfAsync(id)).EffectiveFrom);
        Fixture.Clock.Advance(TimeSpan.FromDays(40));
        await FireTimersAsync();
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
    }

    [Fact]
    public async Task A_competition_case_under_2025_keeps_the_regime_while_the_council_extends_and_the_period_end_returns_the_student()
    {
        var id = await CompetitionAsync(FiledIn2025Edition, Today.AddDays(25));
        await AttestationAsync(id, 10, "extend");
        Assert.Equal(["attestationSchedule"], await OpenTaskIdsAsync(id));

        Fixture.Clock.Advance(TimeSpan.FromDays(16));
        await FireTimersAsync();

        Assert.Equal(["missedAssessments"], await OpenTaskIdsAsync(id));
        Assert.Equal(["statusTransferred", "statusReturned"], await StringsAsync(id, "statusHistory"));
        var regime = await RegimeOfAsync(id);
        Assert.Equal(new DateOnly(2025, 5, 13), regime.EffectiveFrom);
        Assert.Equal(InstanceStatus.Cancelled, regime.Status);
    }
}
