using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Online learning in TVET: a working curriculum's synchronous classes must be at least 30 % of the hours without
/// production training and professional practice (order 225 para 7 until its repeal; then 349 as amended by 103,
/// Annex 2 para 5).
/// </summary>
public sealed class TvetOnlineTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = "c-karaganda-tech";

    private static JsonObject Curriculum(int sync) => new()
    {
        ["totalHours"] = 4200, ["practiceHours"] = 1200, ["syncHours"] = sync, ["asyncHours"] = 3000 - sync,
    };

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task A_curriculum_below_30_percent_goes_back_for_revision_and_is_registered_once_it_reaches_it(int year, int month, int day, int edition)
    {
        await Pathway.Load("tvet-online").PublishAsync(Fixture);
        var started = await StartFiledAsync("tvet-online", TvetExclusionCase.Organisation(College, []), new DateOnly(year, month, day));

        await CompleteAsAsync(started.InstanceId, "enterCurriculum", As("clerk", College), Curriculum(899));
        var afterFirst = await OpenTaskIdsAsync(started.InstanceId);
        await CompleteAsAsync(started.InstanceId, "enterCurriculum", As("clerk", College), Curriculum(900));
        await CompleteAsAsync(started.InstanceId, "approveCurriculum", As("head", College), new JsonObject { ["orderNumber"] = "К-12", ["signed"] = true });
        await CompleteAsAsync(started.InstanceId, "attestationForm", As("head", College), new JsonObject { ["attestationOnline"] = "no" });

        Assert.Equal(edition, started.DefinitionVersion);
        Assert.Equal(["enterCurriculum"], afterFirst);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(started.InstanceId));
        Assert.Equal(["statusRevision", "statusRegistered"], await StringsAsync(started.InstanceId, "statusHistory"));
    }

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task An_online_attestation_is_registered_only_once_the_head_confirms_online_proctoring(int year, int month, int day, int edition)
    {
        var id = await ApprovedAsync(new DateOnly(year, month, day), edition);
        await CompleteAsAsync(id, "attestationForm", As("head", College), new JsonObject { ["attestationOnline"] = "yes" });
        var beforeConfirmation = await OpenTaskIdsAsync(id);
        var statusBeforeConfirmation = await StatusAsync(id);
        await CompleteAsAsync(id, "proctoringConfirmation", As("head", College),
            new JsonObject { ["proctoringSystem"] = "Examus", ["proctoringConfirmed"] = "yes" });

        Assert.Equal(["proctoringConfirmation"], beforeConfirmation);
        Assert.Equal(InstanceStatus.Active, statusBeforeConfirmation);
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
        Assert.Equal(["statusRegistered"], await StringsAsync(id, "statusHistory"));
    }

    [Theory]
    [InlineData(2024, 3, 1, 1)]
    [InlineData(2025, 9, 1, 2)]
    public async Task Without_online_proctoring_the_head_must_choose_the_attestation_form_again(int year, int month, int day, int edition)
    {
        var id = await ApprovedAsync(new DateOnly(year, month, day), edition);
        await CompleteAsAsync(id, "attestationForm", As("head", College), new JsonObject { ["attestationOnline"] = "yes" });
        await CompleteAsAsync(id, "proctoringConfirmation", As("head", College),
            new JsonObject { ["proctoringSystem"] = "—", ["proctoringConfirmed"] = "no" });

        Assert.Equal(["attestationForm"], await OpenTaskIdsAsync(id));
        Assert.Empty(await StringsAsync(id, "statusHistory"));
        await CompleteAsAsync(id, "attestationForm", As("head", College), new JsonObject { ["attestationOnline"] = "no" });
        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    private async Task<Guid> ApprovedAsync(DateOnly filed, int edition)
    {
        await Pathway.Load("tvet-online").PublishAsync(Fixture);
        var started = await StartFiledAsync("tvet-online", TvetExclusionCase.Organisation(College, []), filed);
        Assert.Equal(edition, started.DefinitionVersion);
        await CompleteAsAsync(started.InstanceId, "enterCurriculum", As("clerk", College), Curriculum(1200));
        await CompleteAsAsync(started.InstanceId, "approveCurriculum", As("head", College), new JsonObject { ["orderNumber"] = "К-13", ["signed"] = true });
        return started.InstanceId;
    }
}
