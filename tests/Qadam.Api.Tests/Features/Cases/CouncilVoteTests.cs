using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Qadam.Api.Tests.Features.Definitions;

namespace Qadam.Api.Tests.Features.Cases;

/// <summary>
/// The pedagogical council votes on a case: the API gives the process the school's council members, each member
/// finds exactly one ballot in their inbox, may cast only their own, and the majority decides.
/// </summary>
public sealed class CouncilVoteTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    internal const string Pathway = "council-vote";

    internal static readonly string Bpmn = $"""
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

    private static async Task<JsonElement[]> BallotsAsync(HttpClient member, string caseId) =>
        [.. (await member.GetFromJsonAsync<JsonElement>($"/api/tasks?caseId={caseId}")).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Each_member_sees_and_casts_only_their_own_ballot_and_a_majority_of_five_decides()
    {
        await Pathways.PublishAsync(api, Pathway, Bpmn);
        using var clerk = await api.ClientForAsync("clerk.s1");
        var caseId = (await Pathways.FileAsync(clerk, Pathway, await Pathways.ChildOfParentP1Async(api))).GetProperty("id").GetString()!;
        var members = new List<HttpClient>();
        for (var i = 1; i <= 5; i++)
        {
            members.Add(await api.ClientForAsync($"council{i}.s1"));
        }

        var ballots = new List<JsonElement>();
        foreach (var member in members)
        {
            ballots.Add(Assert.Single(await BallotsAsync(member, caseId)));
        }

        Assert.Equal(5, ballots.Select(b => b.GetProperty("id").GetString()).Distinct().Count());
        using (var foreign = await members[0].PostAsync($"/api/tasks/{ballots[1].GetProperty("id").GetString()}/complete",
                   Pathways.Json(new { data = new { vote = "yes" } })))
        {
            Assert.Equal(HttpStatusCode.Conflict, foreign.StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var cast = await members[i].PostAsync($"/api/tasks/{ballots[i].GetProperty("id").GetString()}/complete",
                Pathways.Json(new { data = new { vote = "yes" } }));
            Assert.Equal(HttpStatusCode.OK, cast.StatusCode);
        }

        Assert.Empty(await BallotsAsync(members[3], caseId));
        using var head = await api.ClientForAsync("head.s1");
        Assert.Equal("order", Assert.Single(await BallotsAsync(head, caseId)).GetProperty("elementId").GetString());
        foreach (var member in members)
        {
            member.Dispose();
        }
    }
}
