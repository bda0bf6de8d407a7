using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// The list of disciplines and (or) modules a TVET organisation allows at a distance is its own, whatever the form of
/// study, and is approved by the head's order (349 Annex 2 para 16; as amended by 103, Annex 1 para 6). In the TVET
/// branch of the parent application the head enters the list, the order approving it is rendered and signed, and only
/// then is the transfer order drawn up, in both editions.
/// </summary>
public sealed class ApprovedDisciplinesTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = "c-astana-polytech";

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task After_the_council_approves_the_head_approves_and_signs_the_list_of_disciplines_before_the_transfer_order(
        int year, int month, int day, int edition)
    {
        await Pathway.Load("parent-application").PublishAsync(Fixture);
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Tvet(College, "it"), new DateOnly(year, month, day));
        var id = started.InstanceId;
        await CompleteAsAsync(id, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "methodological", ["protocolNumber"] = "МС-3", ["protocolDate"] = Iso(Today),
            ["periodFrom"] = Iso(Today.AddDays(3)), ["periodTo"] = Iso(Today.AddDays(60)),
            ["distanceHours"] = 300, ["totalHours"] = 2400, ["councilDecision"] = "approve",
        });

        var afterCouncil = await OpenTaskIdsAsync(id);
        var listTask = await OpenTaskAsync(id, "approvedDisciplines");
        await CompleteAsAsync(id, "approvedDisciplines", As("head", College), ParentApplicationCase.ApprovedDisciplines());
        var beforeSigning = await OpenTaskIdsAsync(id);
        var renderedBeforeSigning = await StringsAsync(id, "renderedDocuments");
        await CompleteAsAsync(id, "signDisciplines", As("head", College), new JsonObject());

        Assert.Equal(edition, started.DefinitionVersion);
        Assert.Equal(["approvedDisciplines"], afterCouncil);
        Assert.Equal("approved-disciplines", listTask.FormKey);
        Assert.Equal(["signDisciplines"], beforeSigning);
        Assert.Equal(["approved-disciplines"], renderedBeforeSigning);
        Assert.Equal(["signOrder"], await OpenTaskIdsAsync(id));
        Assert.Equal(["approved-disciplines", "order-transfer", "parent-notice"], await StringsAsync(id, "renderedDocuments"));
        Assert.Contains("Дерекқорлар / Базы данных", (await VariablesAsync(id))["disciplinesList"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
    }

    [Fact]
    public async Task A_refused_TVET_application_never_asks_the_head_for_a_list_of_disciplines()
    {
        await Pathway.Load("parent-application").PublishAsync(Fixture);
        var started = await StartFiledAsync("parent-application", ParentApplicationCase.Tvet(College, "it"), new DateOnly(2025, 9, 1));
        await CompleteAsAsync(started.InstanceId, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "pedagogical", ["protocolNumber"] = "ПС-9", ["protocolDate"] = Iso(Today),
            ["periodFrom"] = Iso(Today.AddDays(3)), ["periodTo"] = Iso(Today.AddDays(60)),
            ["distanceHours"] = 300, ["totalHours"] = 2400, ["councilDecision"] = "refuse",
        });

        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.DoesNotContain("approved-disciplines", await StringsAsync(started.InstanceId, "renderedDocuments"));
    }
}
