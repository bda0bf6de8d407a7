using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Order 349 Annex 2 para 3-1 (added by order 130, in force from 2024-06-11): the exclusion of medical, pharmaceutical and
/// pedagogical colleges has an exception, "the cases of para 2 of art. 37-2 of the Law on education", which the head
/// decides with reasons. The prohibition is read on the decision date: a case filed on 10 June 2024 and decided after
/// para 3-1 came into force meets it.
/// </summary>
public sealed class TvetExclusionExceptionTests(EngineFixtureIn2024 fixture) : TvetExclusion2024TestBase(fixture), IClassFixture<EngineFixtureIn2024>
{
    [Fact]
    public async Task A_2024_case_decided_after_para_3_1_came_into_force_goes_to_the_head_who_records_the_exception_with_reasons()
    {
        var id = await FileOnTenthAndCouncilApprovesOnTwelfthAsync();

        Assert.True((await OpenTaskIdsAsync(id)).SequenceEqual(["exclusionException"]), await DiagnoseAsync(id));
        var recheck = (await VariablesAsync(id))["programmeRecheck"]!;
        Assert.True(recheck["excluded"]!.GetValue<bool>());
        Assert.True(recheck["exceptionPossible"]!.GetValue<bool>());

        var task = await CompleteAsAsync(id, "exclusionException", As("head", College, "head.c-kokshetau-ped"), new JsonObject
        {
            ["exceptionApplies"] = "yes",
            ["exceptionReasonKk"] = "Заңның 37-2-бабының 2-тармағында көзделген жағдай: білім алушы ұзақ емделуде",
            ["exceptionReasonRu"] = "Случай пункта 2 статьи 37-2 Закона: обучающийся на длительном лечении",
        });

        // Granted: the head approves the list of disciplines allowed at a distance (349 Annex 2 para 16), then the order.
        Assert.Equal(["approvedDisciplines"], await OpenTaskIdsAsync(id));
        var variables = await VariablesAsync(id);
        Assert.Equal("yes", variables["exceptionApplies"]!.GetValue<string>());
        Assert.StartsWith("Случай пункта 2 статьи 37-2", variables["exceptionReasonRu"]!.GetValue<string>(), StringComparison.Ordinal);
        await using var db = Fixture.NewContext();
        var done = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == task.Id);
        Assert.Equal("head.c-kokshetau-ped", done.CompletedBy);
        Assert.Equal(new DateOnly(2024, 6, 12), DateOnly.FromDateTime(done.EndedAt!.Value.ToOffset(TimeSpan.FromHours(5)).DateTime));
    }
}

/// <summary>Order 349 Annex 2 para 3-1 without the exception: the head's reasoned "no" leads to the refusal.</summary>
public sealed class TvetExclusionWithoutExceptionTests(EngineFixtureIn2024 fixture)
    : TvetExclusion2024TestBase(fixture), IClassFixture<EngineFixtureIn2024>
{
    [Fact]
    public async Task Without_the_exception_the_head_refuses_and_the_refusal_is_reasoned()
    {
        var id = await FileOnTenthAndCouncilApprovesOnTwelfthAsync();
        await CompleteAsAsync(id, "exclusionException", As("head", College), new JsonObject
        {
            ["exceptionApplies"] = "no",
            ["exceptionReasonKk"] = "Заңның 37-2-бабының 2-тармағындағы жағдай жоқ",
            ["exceptionReasonRu"] = "Случая пункта 2 статьи 37-2 Закона нет",
        });

        Assert.Equal(["refusalReasons"], await OpenTaskIdsAsync(id));
    }
}

/// <summary>A TVET parent application at a pedagogical college filed on 10 June 2024, its council deciding on the 12th.</summary>
public abstract class TvetExclusion2024TestBase(EngineFixture fixture) : PathwayTestBase(fixture)
{
    protected const string College = TvetExclusionCase.PedagogicalCollege;

    protected async Task<Guid> FileOnTenthAndCouncilApprovesOnTwelfthAsync()
    {
        await Pathway.Load("parent-application").PublishAsync(Fixture);
        var started = await StartFiledAsync("parent-application", TvetExclusionCase.At("parent"), new DateOnly(2024, 6, 10));
        Assert.Equal(["tvetCouncilDecision"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.False((await VariablesAsync(started.InstanceId))["programmeCheck"]!["excluded"]!.GetValue<bool>());

        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await CompleteAsAsync(started.InstanceId, "tvetCouncilDecision", As("councilSecretary", College), new JsonObject
        {
            ["councilBody"] = "pedagogical", ["protocolNumber"] = "ПС-4", ["protocolDate"] = "2024-06-12",
            ["periodFrom"] = "2024-09-02", ["periodTo"] = "2024-12-27",
            ["distanceHours"] = 200, ["totalHours"] = 2400, ["councilDecision"] = "approve",
        });
        return started.InstanceId;
    }
}
