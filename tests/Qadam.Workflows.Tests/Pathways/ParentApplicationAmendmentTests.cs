using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Order 103 of 02.05.2025 amends order 349: a case follows the edition in force on its filing date and keeps it.
/// 2023 (Annex 2 para 11(1)): the child's opinion always, exclusion of combat, terrorist-danger and border zones.
/// 2025 (Annex 1 para 28(1)): the opinion of a child of ten or more only, exclusion of departures abroad.
/// </summary>
public sealed class ParentApplicationAmendmentTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private static readonly Pathway ParentApplication = Pathway.Load("parent-application");

    /// <summary>The 2025 edition's effective date as the manifest states it (see workflows/README.md for how it was found).</summary>
    private static readonly DateOnly Effective2025 = ParentApplication.Manifest.Editions.Single(e => e.File == "2025.bpmn").EffectiveFrom;

    private async Task<(Guid Id, int Version)> FileAsync(DateOnly filed, string iin = ParentApplicationCase.NineYearOld)
    {
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Secondary(iin, School), filed);
        return (started.InstanceId, started.DefinitionVersion);
    }

    [Fact]
    public async Task The_same_application_follows_the_edition_in_force_on_its_filing_date_and_a_running_case_keeps_its_edition()
    {
        await ParentApplication.PublishAsync(Fixture, "2023.bpmn");
        var running = await FileAsync(Effective2025.AddDays(-70));
        await ParentApplication.PublishAsync(Fixture, "2025.bpmn");

        var dayBefore = await FileAsync(Effective2025.AddDays(-1));
        var onTheDay = await FileAsync(Effective2025);
        var abroad = await FileAsync(Effective2025.AddDays(100));
        var combatZone = await FileAsync(Effective2025.AddDays(-40));

        Assert.Equal(running.Version, dayBefore.Version);
        Assert.Equal(running.Version + 1, onTheDay.Version);
        Assert.Equal("exclusion-check-2023", (await OpenTaskAsync(dayBefore.Id, "exclusionCheck")).FormKey);
        Assert.Equal("exclusion-check-2025", (await OpenTaskAsync(onTheDay.Id, "exclusionCheck")).FormKey);

        // 2023: a departure abroad is not an exclusion, a combat zone is; 2025: the reverse.
        await CompleteAsAsync(dayBefore.Id, "exclusionCheck", As("clerk"),
            new JsonObject { ["departsToDangerZone"] = false, ["departsAbroad"] = true, ["destination"] = "Стамбул" });
        await CompleteAsAsync(combatZone.Id, "exclusionCheck", As("clerk"), new JsonObject { ["departsToDangerZone"] = true, ["destination"] = "—" });
        await CompleteAsAsync(onTheDay.Id, "exclusionCheck", As("clerk"), new JsonObject { ["departsAbroad"] = false, ["destination"] = "Алматы" });
        await CompleteAsAsync(abroad.Id, "exclusionCheck", As("clerk"), new JsonObject { ["departsAbroad"] = true, ["destination"] = "Стамбул" });
        await CompleteAsAsync(running.Id, "exclusionCheck", As("clerk"), new JsonObject { ["departsToDangerZone"] = false, ["destination"] = "Астана" });

        // The child is nine: asked under 2023, not under 2025.
        string[] withOpinion = ["academicIndicators", "childOpinion", "livingConditionsAct", "psychologistConclusion"];
        string[] withoutOpinion = ["academicIndicators", "livingConditionsAct", "psychologistConclusion"];
        Assert.Equal(withOpinion, await OpenTaskIdsAsync(dayBefore.Id));
        Assert.Equal(withOpinion, await OpenTaskIdsAsync(running.Id));
        Assert.Equal(withoutOpinion, await OpenTaskIdsAsync(onTheDay.Id));
        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(combatZone.Id));
        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(abroad.Id));
        Assert.Equal("living-conditions-act-2023", (await OpenTaskAsync(running.Id, "livingConditionsAct")).FormKey);
        Assert.Equal("living-conditions-act-2025", (await OpenTaskAsync(onTheDay.Id, "livingConditionsAct")).FormKey);
    }

    [Fact]
    public async Task Under_2025_the_childs_age_is_taken_on_the_day_the_case_is_examined_not_the_filing_date()
    {
        await ParentApplication.PublishAsync(Fixture);
        // IIN 150901600077: a girl born on 2015-09-01, ten on 2025-09-01, the fixture's today. Filed while she was nine, the case
        // is examined on her birthday: the council decides on a ten-year-old, so her opinion is taken (103 Annex 1 para 28(1)).
        var filedAtNine = await FileAsync(new DateOnly(2025, 8, 31), "150901600077");
        var onBirthday = await FileAsync(new DateOnly(2025, 9, 1), "150901600077");
        var nine = await FileAsync(new DateOnly(2025, 9, 1), ParentApplicationCase.NineYearOld);
        var eleven = await FileAsync(new DateOnly(2025, 9, 1), ParentApplicationCase.ElevenYearOld);

        foreach (var id in new[] { filedAtNine.Id, onBirthday.Id, nine.Id, eleven.Id })
        {
            Assert.Equal("exclusion-check-2025", (await OpenTaskAsync(id, "exclusionCheck")).FormKey);
            await CompleteAsAsync(id, "exclusionCheck", As("clerk"), new JsonObject { ["departsAbroad"] = false, ["destination"] = "Астана" });
        }

        Assert.Contains("childOpinion", await OpenTaskIdsAsync(filedAtNine.Id));
        Assert.Contains("childOpinion", await OpenTaskIdsAsync(onBirthday.Id));
        Assert.DoesNotContain("childOpinion", await OpenTaskIdsAsync(nine.Id));
        Assert.Contains("childOpinion", await OpenTaskIdsAsync(eleven.Id));
    }
}
