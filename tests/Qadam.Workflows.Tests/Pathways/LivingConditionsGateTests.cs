using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// The councils decide "on the basis of … the presence of conditions for distance learning" (349 Annex 2 para 11(1),
/// 2025 Annex 1 para 28(1)): when the act of living conditions answers that there are none, two majorities in favour do
/// not lead to the order but to the reasoned refusal.
/// </summary>
public sealed class LivingConditionsGateTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    [Fact]
    public async Task No_conditions_for_distance_learning_refuses_even_when_both_councils_vote_yes()
    {
        await Pathway.Load("parent-application").PublishAsync(Fixture);
        var started = await StartFiledAsync("parent-application",
            ParentApplicationCase.Secondary(ParentApplicationCase.NineYearOld, School, councilMembers: 3, trustees: 1), new DateOnly(2025, 9, 1));
        var id = started.InstanceId;
        await CompleteAsAsync(id, "exclusionCheck", As("clerk"), new JsonObject { ["departsAbroad"] = false, ["destination"] = "Астана" });
        await CompleteAsAsync(id, "psychologistConclusion", As("psychologist"),
            new JsonObject { ["psychologistConclusion"] = "Противопоказаний нет", ["psychologistRecommends"] = "yes" });
        await CompleteAsAsync(id, "livingConditionsAct", As("socialPedagogue"),
            new JsonObject { ["inspectionDate"] = "2025-09-03", ["livingConditions"] = "Одна комната на семью из шести", ["hasComputer"] = false,
                ["hasInternet"] = false, ["hasWorkplace"] = false, ["conditionsForDistance"] = "no" });
        await CompleteAsAsync(id, "academicIndicators", As("classTeacher"),
            new JsonObject { ["averageMark"] = 4.6, ["failedSubjects"] = 0, ["academicSummary"] = "Хорошо" });

        foreach (var member in new[] { "council1", "council2" })
        {
            await VoteAsync(id, "councilVote", $"{member}.{School}", "councilMember", "yes");
        }

        await VoteAsync(id, "trusteesVote", $"trustee1.{School}", "trustee", "yes");

        Assert.True((await OpenTaskIdsAsync(id)).SequenceEqual(["refusalReasons"]), await DiagnoseAsync(id));
    }
}
