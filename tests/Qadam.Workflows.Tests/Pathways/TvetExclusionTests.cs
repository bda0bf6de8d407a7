using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Order 349 as amended by 103, Annex 1 para 3: distance learning is not provided in TVET organisations that run medical,
/// pharmaceutical or pedagogical programmes, whatever the ground; the check reads the organisation's programmes on the
/// decision date, and the head signs the reasoned refusal.
/// </summary>
public sealed class TvetExclusionTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = TvetExclusionCase.PedagogicalCollege;

    [Theory]
    [InlineData("parent-application", "parent")]
    [InlineData("medical-commission", "medical")]
    [InlineData("competition", "competition")]
    [InlineData("tvet-online", "online")]
    public async Task A_case_at_a_pedagogical_college_is_refused_under_2025_on_every_TVET_ground(string pathway, string ground)
    {
        await Pathway.Load(pathway).PublishAsync(Fixture);
        var started = await StartFiledAsync(pathway, TvetExclusionCase.At(ground), Today);
        var id = started.InstanceId;
        if (pathway == "medical-commission")
        {
            await CompleteAsAsync(id, "registerConclusion", As("clerk", College), TvetExclusionCase.VkkConclusion(Today));
        }
        else if (pathway == "competition")
        {
            await CompleteAsAsync(id, "registerLetter", As("clerk", College), TvetExclusionCase.CompetitionLetter(Today));
        }

        Assert.True((await OpenTaskIdsAsync(id)).SequenceEqual(["refusalReasons"]), await DiagnoseAsync(id));
        var check = (await VariablesAsync(id))["programmeCheck"]!;
        Assert.True(check["excluded"]!.GetValue<bool>());
        Assert.False(check["exceptionPossible"]!.GetValue<bool>());

        var refusal = await OpenTaskAsync(id, "refusalReasons");
        Assert.Equal(["head"], refusal.CandidateRoles);
        await CompleteAsAsync(id, "refusalReasons", As("head", College), TvetExclusionCase.Refusal());
        // The head signs the reasoned refusal before the parent is notified.
        Assert.Equal(["signRefusal"], await OpenTaskIdsAsync(id));
        Assert.Empty(await NotifiedElementsAsync(id));
        await CompleteAsAsync(id, "signRefusal", As("head", College), new JsonObject());

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["statusRefused"], await StringsAsync(id, "statusHistory"));
        Assert.Equal(["notifyRefusal"], await NotifiedElementsAsync(id));
    }

    [Fact]
    public async Task The_same_grounds_at_a_college_without_restricted_programmes_go_on_to_the_order()
    {
        await Pathway.Load("medical-commission").PublishAsync(Fixture);
        var started = await StartFiledAsync("medical-commission", TvetExclusionCase.At("medical", "c-astana-polytech", []), Today);
        await CompleteAsAsync(started.InstanceId, "registerConclusion", As("clerk", "c-astana-polytech"), TvetExclusionCase.VkkConclusion(Today));

        // The college first decides the learning format (349 Annex 2 para 8 / 2025 Annex 1 para 25), then the order.
        Assert.Equal(["tvetFormatDecision"], await OpenTaskIdsAsync(started.InstanceId));
        await CompleteAsAsync(started.InstanceId, "tvetFormatDecision", As("head", "c-astana-polytech"), new JsonObject { ["tvetFormat"] = "mixed" });
        // Then the list of disciplines allowed at a distance (349 Annex 2 para 16 / 2025 Annex 1 para 6), then the order.
        Assert.Equal(["approvedDisciplines"], await OpenTaskIdsAsync(started.InstanceId));
    }
}
