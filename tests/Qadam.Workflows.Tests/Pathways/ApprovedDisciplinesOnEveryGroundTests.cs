using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// The list of disciplines and (or) modules allowed at a distance is determined by the TVET organisation "независимо от
/// формы обучения" and approved by the head's order (349 Annex 2 para 16; as amended by 103, Annex 1 para 6): not only on
/// a parent's application but on the medical and the competition ground too, in both editions, before the transfer order.
/// </summary>
public sealed class ApprovedDisciplinesOnEveryGroundTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = "c-astana-polytech";

    /// <summary>The head enters the list, the approving order is rendered, the head signs it: only then the transfer order.</summary>
    private async Task ApproveListAsync(Guid id)
    {
        var listTask = await OpenTaskAsync(id, "approvedDisciplines");
        Assert.Equal("approved-disciplines", listTask.FormKey);
        Assert.Equal(["head"], listTask.CandidateRoles);
        Assert.Empty(await StringsAsync(id, "renderedDocuments"));

        await CompleteAsAsync(id, "approvedDisciplines", As("head", College), ParentApplicationCase.ApprovedDisciplines());
        Assert.Equal(["signDisciplines"], await OpenTaskIdsAsync(id));
        Assert.Equal(["approved-disciplines"], await StringsAsync(id, "renderedDocuments"));

        await CompleteAsAsync(id, "signDisciplines", As("head", College), new JsonObject());
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(id));
        Assert.Equal(["approved-disciplines", "order-transfer", "parent-notice"], await StringsAsync(id, "renderedDocuments"));
        Assert.Contains("Дерекқорлар / Базы данных", (await VariablesAsync(id))["disciplinesList"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task A_medical_TVET_case_has_the_head_approve_and_sign_the_list_of_disciplines_after_the_format_decision(
        int year, int month, int day, int edition)
    {
        await Pathway.Load("medical-commission").PublishAsync(Fixture);
        var started = await StartFiledAsync("medical-commission", TvetExclusionCase.At("medical", College, []), new DateOnly(year, month, day));
        await CompleteAsAsync(started.InstanceId, "registerConclusion", As("clerk", College), TvetExclusionCase.VkkConclusion(Today));
        await CompleteAsAsync(started.InstanceId, "tvetFormatDecision", As("head", College), new JsonObject { ["tvetFormat"] = "mixed" });

        await ApproveListAsync(started.InstanceId);
        Assert.Equal(edition, started.DefinitionVersion);
    }

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task A_competition_TVET_case_has_the_head_approve_and_sign_the_list_of_disciplines_before_the_order(
        int year, int month, int day, int edition)
    {
        await Pathway.Load("competition").PublishAsync(Fixture);
        var started = await StartFiledAsync("competition", TvetExclusionCase.At("competition", College, []), new DateOnly(year, month, day));
        await CompleteAsAsync(started.InstanceId, "registerLetter", As("clerk", College), TvetExclusionCase.CompetitionLetter(Today));

        await ApproveListAsync(started.InstanceId);
        Assert.Equal(edition, started.DefinitionVersion);
    }

    [Fact]
    public async Task A_competition_case_at_a_school_is_never_asked_for_the_list()
    {
        await Pathway.Load("competition").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "competition";
        var started = await StartFiledAsync("competition", variables, Today);
        await CompleteAsAsync(started.InstanceId, "registerLetter", As("clerk"), TvetExclusionCase.CompetitionLetter(Today));

        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.DoesNotContain("approved-disciplines", await StringsAsync(started.InstanceId, "renderedDocuments"));
    }
}
