using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

public sealed class SequenceAndGatewayTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    [Fact]
    public async Task A_started_instance_waits_at_its_first_user_task_and_completes_after_it()
    {
        await Fixture.PublishAsync("seq", Process("seq", $"""
            <bpmn:startEvent id="start" />
            {UserTask("apply", extra: "qadam:labelKk=\"Өтініш\" qadam:labelRu=\"Заявление\" qadam:formKey=\"application\" qadam:deadline=\"P3D\"")}
            <bpmn:endEvent id="end" />
            {Flow("f1", "start", "apply")}{Flow("f2", "apply", "end")}
            """));

        var started = await StartAsync("seq", new JsonObject { ["organisation"] = "s1" });
        var task = await OpenTaskAsync(started.InstanceId, "apply");
        var completed = await CompleteAsync(started.InstanceId, "apply", new JsonObject { ["reason"] = "health" });

        Assert.Equal(["apply"], started.WaitingAt);
        Assert.Equal("s1", task.Organisation);
        Assert.Equal(["clerk"], task.CandidateRoles);
        Assert.Equal("Өтініш", task.LabelKk);
        Assert.Equal(Fixture.Clock.GetUtcNow().AddDays(3), task.DueAt);
        Assert.Equal(InstanceStatus.Completed, completed.Status);
        Assert.Equal("health", (await VariablesAsync(started.InstanceId))["reason"]!.GetValue<string>());
        await using var db = Fixture.NewContext();
        var journal = await db.Journal.Where(j => j.InstanceId == started.InstanceId).OrderBy(j => j.Id).Select(j => j.Event + ":" + j.ElementId).ToListAsync();
        Assert.Equal(["started:", "entered:start", "left:start", "entered:apply", "task-created:apply", "left:apply", "entered:end", "left:end", "completed:"], journal);
    }

    [Theory]
    [InlineData(9, "young")]
    [InlineData(12, "old")]
    [InlineData(null, "unknown")]
    public async Task An_exclusive_gateway_takes_the_first_true_condition_else_the_default(int? age, string expected)
    {
        await Fixture.PublishAsync("xor", Process("xor", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="toUnknown" />
            {UserTask("young")}{UserTask("old")}{UserTask("unknown")}{Ends("young", "old", "unknown")}
            {Flow("f1", "start", "gw")}
            {Flow("toYoung", "gw", "young", "age != null && age < 10")}
            {Flow("toOld", "gw", "old", "age != null && age >= 10")}
            {Flow("toUnknown", "gw", "unknown")}
            """));

        var started = await StartAsync("xor", new JsonObject { ["age"] = age });

        Assert.Equal([expected], started.WaitingAt);
    }

    [Fact]
    public async Task A_parallel_split_opens_every_branch_and_the_join_waits_for_all_of_them()
    {
        await Fixture.PublishAsync("par", Process("par", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="split" />
            {UserTask("psychologist", "psychologist")}{UserTask("inspection", "classTeacher")}{UserTask("opinion", "clerk")}
            <bpmn:parallelGateway id="join" />
            {UserTask("council", "councilMember")}
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "split")}
            {Flow("f1", "split", "psychologist")}{Flow("f2", "split", "inspection")}{Flow("f3", "split", "opinion")}
            {Flow("j1", "psychologist", "join")}{Flow("j2", "inspection", "join")}{Flow("j3", "opinion", "join")}
            {Flow("f4", "join", "council")}{Flow("f5", "council", "end")}
            """));

        var started = await StartAsync("par");
        Assert.Equal(["inspection", "opinion", "psychologist"], await OpenTaskIdsAsync(started.InstanceId));

        await CompleteAsync(started.InstanceId, "psychologist");
        await CompleteAsync(started.InstanceId, "opinion");
        Assert.Equal(["inspection"], await OpenTaskIdsAsync(started.InstanceId));

        await CompleteAsync(started.InstanceId, "inspection");
        Assert.Equal(["council"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_inclusive_gateway_opens_the_true_branches_and_joins_only_those()
    {
        await Fixture.PublishAsync("or", Process("or", $"""
            <bpmn:startEvent id="start" />
            <bpmn:inclusiveGateway id="split" default="toAcademic" />
            {UserTask("opinion")}{UserTask("inspection")}{UserTask("academic")}
            <bpmn:inclusiveGateway id="join" />
            {UserTask("council")}
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "split")}
            {Flow("toOpinion", "split", "opinion", "childAge >= 10")}
            {Flow("toInspection", "split", "inspection", "needsInspection")}
            {Flow("toAcademic", "split", "academic")}
            {Flow("j1", "opinion", "join")}{Flow("j2", "inspection", "join")}{Flow("j3", "academic", "join")}
            {Flow("f4", "join", "council")}{Flow("f5", "council", "end")}
            """));

        var both = await StartAsync("or", new JsonObject { ["childAge"] = 12, ["needsInspection"] = true });
        var none = await StartAsync("or", new JsonObject { ["childAge"] = 8, ["needsInspection"] = false });

        Assert.Equal(["inspection", "opinion"], await OpenTaskIdsAsync(both.InstanceId));
        Assert.Equal(["academic"], await OpenTaskIdsAsync(none.InstanceId));
        await CompleteAsync(both.InstanceId, "opinion");
        Assert.Equal(["inspection"], await OpenTaskIdsAsync(both.InstanceId));
        await CompleteAsync(both.InstanceId, "inspection");
        Assert.Equal(["council"], await OpenTaskIdsAsync(both.InstanceId));
    }

    [Fact]
    public async Task A_condition_that_throws_fails_the_command_and_applies_nothing()
    {
        await Fixture.PublishAsync("throws", Process("throws", $"""
            <bpmn:startEvent id="start" />
            {UserTask("first")}
            <bpmn:exclusiveGateway id="gw" default="toB" />
            {UserTask("a")}{UserTask("b")}{Ends("a", "b")}
            {Flow("f0", "start", "first")}{Flow("f1", "first", "gw")}
            {Flow("toA", "gw", "a", "student.grade > 4")}
            {Flow("toB", "gw", "b")}
            """));
        var started = await StartAsync("throws");
        var before = await InstanceAsync(started.InstanceId);

        var error = await Assert.ThrowsAsync<ExpressionException>(() => CompleteAsync(started.InstanceId, "first", new JsonObject { ["x"] = 1 }));

        Assert.Equal("toA", error.ElementId);
        var after = await InstanceAsync(started.InstanceId);
        Assert.Equal(before.StateJson, after.StateJson);
        Assert.Equal(["first"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_condition_that_loops_forever_is_stopped_by_the_statement_limit()
    {
        await Fixture.PublishAsync("loops", Process("loops", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="toB" />
            {UserTask("a")}{UserTask("b")}{Ends("a", "b")}
            {Flow("f0", "start", "gw")}
            {Flow("toA", "gw", "a", "(() => { while (true) {} })()")}
            {Flow("toB", "gw", "b")}
            """));

        var error = await Assert.ThrowsAsync<ExpressionException>(() => StartAsync("loops"));

        Assert.Contains("too many statements", error.Message, StringComparison.Ordinal);
        await using var db = Fixture.NewContext();
        Assert.False(await db.Instances.AnyAsync(i => i.DefinitionKey == "loops"));
    }

    [Fact]
    public async Task Expressions_see_the_age_from_an_IIN_on_the_filing_date()
    {
        await Fixture.PublishAsync("age", Process("age", $"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="gw" default="toYoung" />
            {UserTask("opinion")}{UserTask("young")}{Ends("opinion", "young")}
            {Flow("f0", "start", "gw")}
            {Flow("toOpinion", "gw", "opinion", "ageOn(student.iin, filedOn) >= 10")}
            {Flow("toYoung", "gw", "young")}
            """));

        // 150901500015: born 2015-09-01 → exactly 10 on 2025-09-01, still 9 the day before.
        var ten = await StartAsync("age", new JsonObject { ["student"] = new JsonObject { ["iin"] = "150901500015" }, ["filedOn"] = "2025-09-01" });
        var nine = await StartAsync("age", new JsonObject { ["student"] = new JsonObject { ["iin"] = "150901500015" }, ["filedOn"] = "2025-08-31" });

        Assert.Equal(["opinion"], ten.WaitingAt);
        Assert.Equal(["young"], nine.WaitingAt);
    }
}
