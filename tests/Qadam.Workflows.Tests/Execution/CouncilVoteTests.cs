using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>The pedagogical council votes as a parallel multi-instance task: one task per member, decided by majority.</summary>
public sealed class CouncilVoteTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Yes = "votes.filter(v => v.vote === 'yes').length";
    private const string No = "votes.filter(v => v.vote === 'no').length";

    private static readonly string Council = Process("council", $"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="vote" qadam:candidateRoles="councilMember" qadam:organisationScope="=member.organisation" qadam:assignee="=member.user">
          <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="council.members" qadam:elementVariable="member" qadam:outputCollection="votes">
            <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">{Yes} &gt; nrOfInstances / 2 || {No} &gt;= nrOfInstances / 2</bpmn:completionCondition>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        <bpmn:exclusiveGateway id="decided" default="toRefusal" />
        {UserTask("order", "head")}{UserTask("refusal", "clerk")}{Ends("order", "refusal")}
        {Flow("f0", "start", "vote")}{Flow("f1", "vote", "decided")}
        {Flow("toOrder", "decided", "order", $"{Yes} > votes.length / 2 || {Yes} > council.members.length / 2")}
        {Flow("toRefusal", "decided", "refusal")}
        """);

    private static JsonObject Members(int count) => new()
    {
        ["council"] = new JsonObject
        {
            ["members"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)new JsonObject
            {
                ["user"] = $"council{i}.s1", ["organisation"] = "s1",
            })]),
        },
    };

    private async Task VoteAsync(Guid instanceId, int member, string vote)
    {
        var task = Assert.Single(await OpenTasksAsync(instanceId), t => t.LoopElement!["user"]!.GetValue<string>() == $"council{member}.s1");
        await using var host = Fixture.NewHost();
        await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, new Actor($"council{member}.s1", "councilMember", "s1"),
            new JsonObject { ["vote"] = vote, ["member"] = $"council{member}.s1" }));
    }

    [Fact]
    public async Task The_vote_ends_as_soon_as_a_majority_of_five_says_yes_and_withdraws_the_other_ballots()
    {
        await Fixture.PublishAsync("council", Council);
        var started = await StartAsync("council", Members(5));
        Assert.Equal(5, (await OpenTasksAsync(started.InstanceId)).Count);

        await VoteAsync(started.InstanceId, 1, "yes");
        await VoteAsync(started.InstanceId, 2, "no");
        await VoteAsync(started.InstanceId, 3, "yes");
        Assert.Equal(2, (await OpenTasksAsync(started.InstanceId)).Count);
        await VoteAsync(started.InstanceId, 4, "yes");

        Assert.Equal(["order"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        var ballot5 = await db.Tasks.SingleAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "vote" && t.LoopIndex == 4);
        Assert.Equal(UserTaskStatus.Cancelled, ballot5.Status);
        Assert.Equal(4, (await VariablesAsync(started.InstanceId))["votes"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_member_cannot_cast_another_members_ballot()
    {
        await Fixture.PublishAsync("council", Council);
        var started = await StartAsync("council", Members(3));
        var ballots = await OpenTasksAsync(started.InstanceId);
        var ofMember2 = Assert.Single(ballots, t => t.Assignee == "council2.s1");
        await using var host = Fixture.NewHost();

        var error = await Assert.ThrowsAsync<TaskClaimedByOtherException>(() => host.Engine.CompleteTaskAsync(
            new CompleteTask(ofMember2.Id, new Actor("council1.s1", "councilMember", "s1"), new JsonObject { ["vote"] = "yes" })));

        Assert.Equal(EngineErrorKind.Conflict, error.Kind);
        Assert.Equal(["council1.s1", "council2.s1", "council3.s1"], ballots.Select(b => b.Assignee));
    }

    [Fact]
    public async Task A_multi_instance_task_over_plain_strings_gives_each_school_its_own_task()
    {
        await Fixture.PublishAsync("per-school", Process("per-school", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="schoolOrder" qadam:candidateRoles="head" qadam:organisationScope="=school">
              <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="organisations" qadam:elementVariable="school" />
            </bpmn:userTask>
            {Ends("schoolOrder")}
            {Flow("f0", "start", "schoolOrder")}
            """));

        var started = await StartAsync("per-school", new JsonObject { ["organisations"] = new JsonArray("s1", "s2", "s3") });

        var tasks = await OpenTasksAsync(started.InstanceId);
        Assert.Equal(["s1", "s2", "s3"], tasks.Select(t => t.Organisation));
        Assert.Equal(["s1", "s2", "s3"], tasks.Select(t => t.LoopElement!.GetValue<string>()));
    }

    [Fact]
    public async Task The_vote_rejects_once_a_majority_has_become_impossible()
    {
        await Fixture.PublishAsync("council", Council);
        var started = await StartAsync("council", Members(4));

        await VoteAsync(started.InstanceId, 1, "no");
        await VoteAsync(started.InstanceId, 2, "yes");
        await VoteAsync(started.InstanceId, 3, "no");

        Assert.Equal(["refusal"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task Each_ballot_goes_to_one_member_and_a_member_cannot_vote_twice()
    {
        await Fixture.PublishAsync("council", Council);
        var started = await StartAsync("council", Members(3));
        var ballot = (await OpenTasksAsync(started.InstanceId))[0];
        await using var host = Fixture.NewHost();
        var member = new Actor("council1.s1", "councilMember", "s1");

        await host.Engine.CompleteTaskAsync(new CompleteTask(ballot.Id, member, new JsonObject { ["vote"] = "yes" }));
        var again = await Assert.ThrowsAsync<TaskNotOpenException>(() =>
            host.Engine.CompleteTaskAsync(new CompleteTask(ballot.Id, member, new JsonObject { ["vote"] = "no" })));

        Assert.Equal(EngineErrorKind.Conflict, again.Kind);
        Assert.Equal("s1", ballot.Organisation);
        Assert.Single((await VariablesAsync(started.InstanceId))["votes"]!.AsArray());
    }
}
