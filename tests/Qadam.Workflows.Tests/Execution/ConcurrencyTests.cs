using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

public sealed class ConcurrencyTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static readonly string TwoSteps = Process("two", $"""
        <bpmn:startEvent id="start" />
        {UserTask("first")}{UserTask("second")}{Ends("second")}
        {Flow("f0", "start", "first")}{Flow("f1", "first", "second")}
        """);

    [Fact]
    public async Task Two_nodes_completing_the_same_task_at_once_give_one_effect_and_one_conflict()
    {
        await Fixture.PublishAsync("two", TwoSteps);
        var started = await StartAsync("two");
        var task = await OpenTaskAsync(started.InstanceId, "first");

        await using var a = Fixture.NewHost();
        await using var b = Fixture.NewHost();
        var results = await Task.WhenAll(
            Attempt(() => a.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, new JsonObject { ["by"] = "a" }))),
            Attempt(() => b.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, new JsonObject { ["by"] = "b" }))));

        Assert.Single(results, r => r is null);
        Assert.Single(results, r => r is { Kind: EngineErrorKind.Conflict });
        Assert.Equal(["second"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        Assert.Equal(1, await db.Journal.CountAsync(j => j.InstanceId == started.InstanceId && j.Event == "task-created" && j.ElementId == "second"));
    }

    private static async Task<EngineException?> Attempt(Func<Task> command)
    {
        try
        {
            await command();
            return null;
        }
        catch (EngineException ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Replaying_a_command_with_its_idempotency_key_returns_the_first_result_without_a_second_effect()
    {
        await Fixture.PublishAsync("two", TwoSteps);

        var first = await StartAsync("two", idempotencyKey: "start-case-42");
        var replay = await StartAsync("two", idempotencyKey: "start-case-42");

        Assert.Equal(first, replay with { WaitingAt = first.WaitingAt, OpenedTasks = first.OpenedTasks });
        Assert.Equal(first.OpenedTasks, replay.OpenedTasks);
        await using var db = Fixture.NewContext();
        Assert.Equal(1, await db.Instances.CountAsync(i => i.Id == first.InstanceId));
        var task = await OpenTaskAsync(first.InstanceId, "first");
        await using var host = Fixture.NewHost();
        var done = await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, null, "complete-1"));
        var doneAgain = await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, null, "complete-1"));
        Assert.Equal(done.WaitingAt, doneAgain.WaitingAt);
        Assert.Equal(["second"], await OpenTaskIdsAsync(first.InstanceId));
    }

    [Fact]
    public async Task Two_starts_with_one_idempotency_key_at_once_give_one_instance_and_the_first_result_twice()
    {
        await Fixture.PublishAsync("two", TwoSteps);
        var businessKey = "case-" + Guid.NewGuid();
        await using var a = Fixture.NewHost();
        await using var b = Fixture.NewHost();

        // A holds its command record uncommitted, so B passes the replay check, runs, and waits on the key at its insert.
        CommandResult first;
        Task<CommandResult> second;
        await using (var transaction = await a.Db.Database.BeginTransactionAsync())
        {
            first = await a.Engine.StartAsync(new StartProcess("two", Filed, Clerk, null, businessKey, "start-at-once"));
            second = b.Engine.StartAsync(new StartProcess("two", Filed, Clerk, null, businessKey, "start-at-once"));
            await WaitForALockWaitAsync();
            await transaction.CommitAsync();
        }

        var replay = await second;
        Assert.Equal(first.InstanceId, replay.InstanceId);
        Assert.Equal(first.OpenedTasks, replay.OpenedTasks);
        Assert.Equal(first.WaitingAt, replay.WaitingAt);
        await using var db = Fixture.NewContext();
        Assert.Equal(1, await db.Instances.CountAsync(i => i.BusinessKey == businessKey));
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.BusinessKey == businessKey));
    }

    [Fact]
    public async Task Completing_two_parallel_tasks_of_one_instance_at_once_queues_the_second_and_both_take_effect()
    {
        await Fixture.PublishAsync("both", Process("both", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="split" />
            <bpmn:parallelGateway id="join" />
            {UserTask("left")}{UserTask("right")}{UserTask("after")}{Ends("after")}
            {Flow("f0", "start", "split")}{Flow("f1", "split", "left")}{Flow("f2", "split", "right")}
            {Flow("f3", "left", "join")}{Flow("f4", "right", "join")}{Flow("f5", "join", "after")}
            """));
        var started = await StartAsync("both");
        var left = await OpenTaskAsync(started.InstanceId, "left");
        var right = await OpenTaskAsync(started.InstanceId, "right");
        await using var a = Fixture.NewHost();
        await using var b = Fixture.NewHost();

        // A's completion holds the instance row; B waits for it (it used to fail with a conflict), then sees A's tokens.
        Task<CommandResult> second;
        await using (var transaction = await a.Db.Database.BeginTransactionAsync())
        {
            await a.Engine.CompleteTaskAsync(new CompleteTask(left.Id, Clerk, new JsonObject { ["left"] = true }));
            second = b.Engine.CompleteTaskAsync(new CompleteTask(right.Id, Clerk, new JsonObject { ["right"] = true }));
            await WaitForALockWaitAsync();
            Assert.False(second.IsCompleted);
            await transaction.CommitAsync();
        }

        var result = await second;
        Assert.Equal(["after"], result.WaitingAt);
        Assert.Equal(["after"], await OpenTaskIdsAsync(started.InstanceId));
        var variables = await VariablesAsync(started.InstanceId);
        Assert.True(variables["left"]!.GetValue<bool>() && variables["right"]!.GetValue<bool>());
        await using var db = Fixture.NewContext();
        Assert.Equal(1, await db.Journal.CountAsync(j => j.InstanceId == started.InstanceId && j.Event == "task-created" && j.ElementId == "after"));
    }

    [Fact]
    public async Task Thirty_ballots_of_one_vote_cast_at_the_same_moment_all_count()
    {
        const int Members = 30;
        await Fixture.PublishAsync("ballots", Process("ballots", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="ballot" qadam:candidateRoles="councilMember" qadam:assignee="=member">
              <bpmn:multiInstanceLoopCharacteristics qadam:collection="members" qadam:elementVariable="member" qadam:outputCollection="votes" />
            </bpmn:userTask>
            {UserTask("order", "head")}{Ends("order")}
            {Flow("f0", "start", "ballot")}{Flow("f1", "ballot", "order")}
            """));
        var started = await StartAsync("ballots",
            new JsonObject { ["members"] = new JsonArray([.. Enumerable.Range(1, Members).Select(i => (JsonNode)$"council{i}.s1")]) });
        var ballots = await OpenTasksAsync(started.InstanceId);

        var results = await Task.WhenAll(ballots.Select(async ballot =>
        {
            await using var host = Fixture.NewHost();
            var member = new Actor(ballot.Assignee!, "councilMember", "s1");
            return await Attempt(() => host.Engine.CompleteTaskAsync(
                new CompleteTask(ballot.Id, member, new JsonObject { ["vote"] = ballot.LoopIndex % 3 == 0 ? "no" : "yes" })));
        }));

        Assert.All(results, Assert.Null);
        Assert.Equal(["order"], await OpenTaskIdsAsync(started.InstanceId));
        var votes = (JsonArray)(await VariablesAsync(started.InstanceId))["votes"]!;
        Assert.Equal(Members, votes.Count);
        Assert.Equal(Members / 3, votes.Count(v => v!["vote"]!.GetValue<string>() == "no"));
    }

    private async Task WaitForALockWaitAsync()
    {
        await using var db = Fixture.NewContext();
        for (var i = 0; i < 200; i++)
        {
            var waiting = await db.Database.SqlQuery<int>(
                $"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync();
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("the second start never waited for the first one's idempotency key");
    }

    [Fact]
    public async Task A_task_claimed_by_one_user_cannot_be_completed_by_another()
    {
        await Fixture.PublishAsync("two", TwoSteps);
        var started = await StartAsync("two");
        var task = await OpenTaskAsync(started.InstanceId, "first");
        await using var host = Fixture.NewHost();

        await host.Engine.ClaimTaskAsync(task.Id, Clerk);
        var error = await Assert.ThrowsAsync<TaskClaimedByOtherException>(() =>
            host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, new Actor("clerk2.s1", "clerk", "s1"))));

        Assert.Equal(EngineErrorKind.Conflict, error.Kind);
        Assert.Equal(["first"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task Two_engine_hosts_on_one_database_fire_each_of_1000_due_timers_exactly_once()
    {
        await Fixture.PublishAsync("timer1000", Process("timer1000", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "wait")}{Flow("f1", "wait", "end")}
            """));
        await using (var starter = Fixture.NewHost())
        {
            for (var i = 0; i < 1000; i++)
            {
                await starter.Engine.StartAsync(new StartProcess("timer1000", Filed, Clerk));
                starter.Db.ChangeTracker.Clear();
            }
        }

        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        await using var a = Fixture.NewHost();
        await using var b = Fixture.NewHost();
        var fired = await Task.WhenAll(FireAll(a), FireAll(b));

        Assert.Equal(1000, fired.Sum());
        Assert.True(fired.All(f => f > 0), $"both hosts should take part: {fired[0]} and {fired[1]}");
        await using var db = Fixture.NewContext();
        Assert.Equal(1000, await db.Instances.CountAsync(i => i.DefinitionKey == "timer1000" && i.Status == InstanceStatus.Completed));
        Assert.Equal(1000, await db.Journal.CountAsync(j => j.DefinitionKey == "timer1000" && j.Event == "left" && j.ElementId == "wait"));
        Assert.False(await db.Timers.AnyAsync());
    }

    private static async Task<int> FireAll(EngineHost host)
    {
        var total = 0;
        int fired;
        do
        {
            fired = await host.Engine.FireDueTimersAsync(50);
            total += fired;
        }
        while (fired > 0);
        return total;
    }
}
