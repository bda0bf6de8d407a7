using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// For a TVET student with a VKK conclusion the classes are organised in the asynchronous and/or synchronous format and by
/// self-study "by decision of the educational organisation" (349 Annex 2 para 8; 2025 Annex 1 para 25): a required step
/// of the head before the transfer order is drawn up, in both editions; a school student is never asked.
/// </summary>
public sealed class TvetFormatDecisionTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = "c-astana-polytech";

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task The_order_of_a_TVET_student_is_drawn_up_only_after_the_heads_format_decision(int year, int month, int day, int edition)
    {
        await Pathway.Load("medical-commission").PublishAsync(Fixture);
        var started = await StartFiledAsync("medical-commission", TvetExclusionCase.At("medical", College, []), new DateOnly(year, month, day));
        await CompleteAsAsync(started.InstanceId, "registerConclusion", As("clerk", College), TvetExclusionCase.VkkConclusion(Today));

        var waiting = await OpenTaskAsync(started.InstanceId, "tvetFormatDecision");
        var renderedBefore = await StringsAsync(started.InstanceId, "renderedDocuments");
        await CompleteAsAsync(started.InstanceId, "tvetFormatDecision", As("head", College), new JsonObject { ["tvetFormat"] = "async" });
        // The list of disciplines allowed at a distance comes between the format and the order (349 Annex 2 para 16).
        await CompleteAsAsync(started.InstanceId, "approvedDisciplines", As("head", College), ParentApplicationCase.ApprovedDisciplines());
        await CompleteAsAsync(started.InstanceId, "signDisciplines", As("head", College), new JsonObject());

        Assert.Equal(edition, started.DefinitionVersion);
        Assert.Equal("tvet-format-decision", waiting.FormKey);
        Assert.Contains("head", waiting.CandidateRoles);
        Assert.Empty(renderedBefore);
        Assert.Equal(["approved-disciplines", "order-transfer", "parent-notice"], await StringsAsync(started.InstanceId, "renderedDocuments"));
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.Equal("async", (await VariablesAsync(started.InstanceId))["tvetFormat"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_school_student_goes_straight_to_the_order()
    {
        await Pathway.Load("medical-commission").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "medical";
        var started = await StartFiledAsync("medical-commission", variables, Today);
        await CompleteAsAsync(started.InstanceId, "registerConclusion", As("clerk"), TvetExclusionCase.VkkConclusion(Today));

        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.False((await VariablesAsync(started.InstanceId)).ContainsKey("tvetFormat"));
    }
}
