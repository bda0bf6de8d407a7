using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Ballots;

/// <summary>Council vote screen: the tally of a case's ballots as the engine's multi-instance tasks hold it.</summary>
public sealed class BallotsApiTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private const string Pathway = "ballots-tally";

    private static readonly string Bpmn = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns:qadam="http://qadam.kz/schema/bpmn" id="defs_{Pathway}" targetNamespace="http://qadam.kz/test">
          <bpmn:process id="{Pathway}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="ballot" qadam:candidateRoles="councilMember" qadam:organisationScope="=member.organisation" qadam:assignee="=member.user"
                           qadam:labelKk="Педагогикалық кеңестің дауыс беруі" qadam:labelRu="Голосование педагогического совета">
              <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="council.members" qadam:elementVariable="member" qadam:outputCollection="votes">
                <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">votes.filter(v =&gt; v.vote === 'yes').length &gt; nrOfInstances / 2</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:userTask id="order" qadam:candidateRoles="head" qadam:labelKk="Бұйрық" qadam:labelRu="Приказ" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ballot" />
            <bpmn:sequenceFlow id="f2" sourceRef="ballot" targetRef="order" />
            <bpmn:sequenceFlow id="f3" sourceRef="order" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task The_tally_counts_yes_no_and_outstanding_of_all_members_and_gives_the_result_once_the_majority_closes_it()
    {
        await Pathways.PublishAsync(api, Pathway, Bpmn);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!;

        // two members vote: one yes, one no
        await CastAsync("council1.s1", caseId, "yes");
        await CastAsync("council2.s1", caseId, "no");
        var open = Assert.Single(await BallotsAsync("council3.s1", caseId));
        Assert.Equal("ballot", open.GetProperty("elementId").GetString());
        Assert.Equal((5, 1, 1, 3), Counts(open));
        Assert.False(open.GetProperty("closed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, open.GetProperty("outcome").ValueKind);
        Assert.False(open.GetProperty("myBallotCast").GetBoolean());
        Assert.Equal(JsonValueKind.String, open.GetProperty("myTaskId").ValueKind);
        Assert.True((await BallotsAsync("council1.s1", caseId))[0].GetProperty("myBallotCast").GetBoolean());

        // two more yes: three of five, the vote closes passed and the last ballot is never cast
        await CastAsync("council3.s1", caseId, "yes");
        await CastAsync("council4.s1", caseId, "yes");
        var closed = Assert.Single(await BallotsAsync("head.s1", caseId));
        Assert.Equal((5, 3, 1, 0), Counts(closed));
        Assert.True(closed.GetProperty("closed").GetBoolean());
        Assert.Equal("yes", closed.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("myTaskId").ValueKind);
        Assert.Equal("notCast", closed.GetProperty("ballots").EnumerateArray().Single(b => b.GetProperty("member").GetString() == "council5.s1")
            .GetProperty("status").GetString());

        // and nobody outside the school reads it; parents are not given tallies
        using var foreign = await api.ClientForAsync("head.s2");
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/cases/{caseId}/ballots")).StatusCode);
        using var parent = await api.ClientForAsync("parent.p1");
        Assert.Equal(HttpStatusCode.Forbidden, (await parent.GetAsync($"/api/cases/{caseId}/ballots")).StatusCode);
    }

    private static (int Total, int Yes, int No, int Outstanding) Counts(JsonElement box) =>
        (box.GetProperty("total").GetInt32(), box.GetProperty("yes").GetInt32(), box.GetProperty("no").GetInt32(), box.GetProperty("outstanding").GetInt32());

    private async Task<JsonElement[]> BallotsAsync(string user, string caseId)
    {
        using var client = await api.ClientForAsync(user);
        return [.. (await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}/ballots")).EnumerateArray()];
    }

    private async Task CastAsync(string user, string caseId, string vote)
    {
        using var member = await api.ClientForAsync(user);
        var ballot = Assert.Single((await member.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items").EnumerateArray());
        using var cast = await member.PostAsync($"/api/tasks/{ballot.GetProperty("id").GetString()}/complete", Pathways.Json(new { data = new { vote } }));
        Assert.True(cast.StatusCode == HttpStatusCode.OK, await cast.Content.ReadAsStringAsync());
    }
}
