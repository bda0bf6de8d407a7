using System.Text.Json.Nodes;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// A TVET student at camps or competitions sits a final attestation at a distance only with online proctoring
/// (order 349 Annex 2 para 10 part 2; 2025 Annex 1 para 27 part 2): a step the head confirms before the remote
/// attestation can be recorded, in both editions; without proctoring the attestation is held in person.
/// </summary>
public sealed class TvetProctoringTests(EngineFixture fixture) : PathwayTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string College = "c-astana-polytech";

    private async Task<Guid> TransferredAsync(DateOnly filed)
    {
        await Pathway.Load("competition").PublishAsync(Fixture);
        var started = await StartFiledAsync("competition", TvetExclusionCase.At("competition", College, []), filed);
        var id = started.InstanceId;
        await CompleteAsAsync(id, "registerLetter", As("clerk", College), TvetExclusionCase.CompetitionLetter(Today));
        await CompleteAsAsync(id, "approvedDisciplines", As("head", College), ParentApplicationCase.ApprovedDisciplines());
        await CompleteAsAsync(id, "signDisciplines", As("head", College), new JsonObject());
        await CompleteAsAsync(id, "signOrder", As("head", College), new JsonObject
        {
            ["orderNumber"] = "017-С-4", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(Today.AddDays(5)), ["signed"] = true,
        });
        return id;
    }

    [Theory]
    [InlineData(2025, 2, 3)]
    [InlineData(0, 0, 0)]
    public async Task A_remote_final_attestation_waits_for_the_heads_proctoring_confirmation(int year, int month, int day)
    {
        var id = await TransferredAsync(year == 0 ? Today : new DateOnly(year, month, day));
        await CompleteAsAsync(id, "finalAttestationFormat", As("clerk", College), new JsonObject { ["finalAttestationRemote"] = "yes" });

        var beforeConfirmation = await OpenTaskIdsAsync(id);
        await CompleteAsAsync(id, "proctoringConfirmation", As("head", College),
            new JsonObject { ["proctoringSystem"] = "Examus", ["proctoringConfirmed"] = "yes" });

        Assert.Equal(["proctoringConfirmation"], beforeConfirmation);
        Assert.Equal(["remoteFinalAttestation"], await OpenTaskIdsAsync(id));
        await CompleteAsAsync(id, "remoteFinalAttestation", As("clerk", College), new JsonObject
        {
            ["attestationProtocolNumber"] = "ИА-12", ["attestationDate"] = Iso(Today.AddDays(7)), ["attestationResult"] = "Сдано / Тапсырылды",
        });
        Assert.Empty(await OpenTaskIdsAsync(id));
    }

    [Fact]
    public async Task Without_proctoring_no_remote_attestation_is_recorded()
    {
        var id = await TransferredAsync(Today);
        await CompleteAsAsync(id, "finalAttestationFormat", As("clerk", College), new JsonObject { ["finalAttestationRemote"] = "yes" });
        await CompleteAsAsync(id, "proctoringConfirmation", As("head", College),
            new JsonObject { ["proctoringSystem"] = "—", ["proctoringConfirmed"] = "no" });

        Assert.Empty(await OpenTaskIdsAsync(id));
        Assert.False((await VariablesAsync(id)).ContainsKey("attestationProtocolNumber"));
    }

    [Fact]
    public async Task A_secondary_student_is_never_asked_about_proctoring()
    {
        await Pathway.Load("competition").PublishAsync(Fixture);
        var variables = ParentApplicationCase.Secondary(ParentApplicationCase.ElevenYearOld, School);
        variables["ground"] = "competition";
        var started = await StartFiledAsync("competition", variables, Today);
        await CompleteAsAsync(started.InstanceId, "registerLetter", As("clerk"), TvetExclusionCase.CompetitionLetter(Today));
        await CompleteAsAsync(started.InstanceId, "signOrder", As("head"), new JsonObject
        {
            ["orderNumber"] = "017-С-4", ["orderDate"] = Iso(Today), ["distanceFrom"] = Iso(Today.AddDays(5)), ["signed"] = true,
        });

        // At a school the distance regime (349 para 15 / 103 para 5) opens its hand-over; no proctoring step.
        Assert.Equal(["attestationSchedule"], await OpenTaskIdsAsync(started.InstanceId));
    }
}
