using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// Signals: one broadcast reaches every wait of its name (in its scope), each once; throw and end events broadcast from a
/// process; signal start events start cases.
/// </summary>
public sealed class SignalTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Lifted = """<bpmn:signal id="liftedSig" name="emergency-lifted" />""";

    private async Task<IReadOnlyList<CommandResult>> BroadcastAsync(string name, string? scope = null, JsonObject? variables = null)
    {
        await using var host = Fixture.NewHost();
        return await host.Engine.BroadcastSignalAsync(new BroadcastSignal(name, Clerk, scope, variables));
    }

    private async Task PublishTransferAsync() =>
        // A student moved to distance learning under an emergency order returns when the order is lifted. The other tests
        // of the class use signals of their own names: an unscoped catch hears every broadcast of its name.
        await Fixture.PublishAsync("transfer", Process("transfer", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="untilLifted"><bpmn:signalEventDefinition signalRef="liftedSig" qadam:correlationKey="orderId" /></bpmn:intermediateCatchEvent>
            {UserTask("returnToClass")}{Ends("returnToClass")}
            {Flow("f0", "start", "untilLifted")}{Flow("f1", "untilLifted", "returnToClass")}
            """, Lifted));

    [Fact]
    public async Task One_broadcast_ends_the_waits_of_a_thousand_instances_each_exactly_once()
    {
        await PublishTransferAsync();
        var ids = new List<Guid>();
        await using (var host = Fixture.NewHost())
        {
            for (var i = 0; i < 1000; i++)
            {
                var started = await host.Engine.StartAsync(new StartProcess("transfer", Filed, Clerk,
                    new JsonObject { ["orderId"] = "EO-1", ["student"] = i }, $"student-{i}"));
                ids.Add(started.InstanceId);
            }
        }

        var otherOrder = await StartAsync("transfer", new JsonObject { ["orderId"] = "EO-2" });

        var clock = Stopwatch.StartNew();
        var reached = await BroadcastAsync("emergency-lifted", "EO-1", new JsonObject { ["liftedOn"] = "2025-09-03" });
        clock.Stop();
        var again = await BroadcastAsync("emergency-lifted", "EO-1");

        Assert.Equal(1000, reached.Count);
        Assert.Equal(ids.Order(), reached.Select(r => r.InstanceId).Order());
        Assert.Empty(again);
        await using var db = Fixture.NewContext();
        var returnTasks = await db.Tasks.AsNoTracking().Where(t => t.ElementId == "returnToClass" && ids.Contains(t.InstanceId)).ToListAsync();
        Assert.Equal(1000, returnTasks.Count);
        Assert.Equal(1000, returnTasks.Select(t => t.InstanceId).Distinct().Count());
        Assert.Equal(1000, await db.Journal.CountAsync(j => j.ElementId == "untilLifted" && j.Event == "left" && ids.Contains(j.InstanceId)));
        Assert.Empty(await OpenTaskIdsAsync(otherOrder.InstanceId));
        Assert.Equal("2025-09-03", (await VariablesAsync(ids[500]))["liftedOn"]!.GetValue<string>());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the broadcast took {clock.Elapsed}");
    }

    [Fact]
    public async Task Two_broadcasts_at_the_same_moment_move_each_waiting_instance_once()
    {
        await PublishTransferAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await StartAsync("transfer", new JsonObject { ["orderId"] = "EO-9" })).InstanceId);
        }

        var both = await Task.WhenAll(BroadcastAsync("emergency-lifted", "EO-9"), BroadcastAsync("emergency-lifted", "EO-9"));

        Assert.Equal(20, both.Sum(r => r.Count));
        await using var db = Fixture.NewContext();
        foreach (var id in ids)
        {
            Assert.Equal(1, await db.Tasks.CountAsync(t => t.InstanceId == id && t.ElementId == "returnToClass"));
        }
    }

    [Fact]
    public async Task A_signal_thrown_by_a_process_reaches_boundaries_and_starts_the_definitions_that_begin_with_it()
    {
        const string Lifted = """<bpmn:signal id="liftedSig" name="order-lifted" />""";
        await Fixture.PublishAsync("lesson", Process("lesson", $"""
            <bpmn:startEvent id="start" />
            {UserTask("teachOnline", "classTeacher")}
            <bpmn:boundaryEvent id="lifted" attachedToRef="teachOnline"><bpmn:signalEventDefinition signalRef="liftedSig" /></bpmn:boundaryEvent>
            {UserTask("teachInClass", "classTeacher")}{Ends("teachOnline", "teachInClass")}
            {Flow("f0", "start", "teachOnline")}{Flow("f1", "lifted", "teachInClass")}
            """, Lifted));
        await Fixture.PublishAsync("report", Process("report", $"""
            <bpmn:startEvent id="onLifted"><bpmn:signalEventDefinition signalRef="liftedSig" /></bpmn:startEvent>
            {UserTask("writeReport", "head")}{Ends("writeReport")}
            {Flow("f0", "onLifted", "writeReport")}
            """, Lifted));
        await Fixture.PublishAsync("lift-order", Process("lift-order", $"""
            <bpmn:startEvent id="start" />
            {UserTask("decideToLift", "regionalOfficer")}
            <bpmn:intermediateThrowEvent id="announce"><bpmn:signalEventDefinition signalRef="liftedSig" qadam:payload="liftedOn" /></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="done"><bpmn:signalEventDefinition signalRef="closedSig" /></bpmn:endEvent>
            {Flow("f0", "start", "decideToLift")}{Flow("f1", "decideToLift", "announce")}{Flow("f2", "announce", "done")}
            """, Lifted + """<bpmn:signal id="closedSig" name="order-closed" />"""));
        var lesson = await StartAsync("lesson");
        var order = await StartAsync("lift-order");

        var done = await CompleteAsync(order.InstanceId, "decideToLift", new JsonObject { ["liftedOn"] = "2025-09-05" });

        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.Equal(["teachInClass"], await OpenTaskIdsAsync(lesson.InstanceId));
        Assert.Equal("2025-09-05", (await VariablesAsync(lesson.InstanceId))["liftedOn"]!.GetValue<string>());
        await using var db = Fixture.NewContext();
        var report = await db.Instances.AsNoTracking().SingleAsync(i => i.DefinitionKey == "report");
        Assert.Equal(["writeReport"], await OpenTaskIdsAsync(report.Id));
    }

    [Fact]
    public async Task A_non_interrupting_signal_boundary_reacts_to_every_broadcast_while_its_task_waits()
    {
        await Fixture.PublishAsync("frost-watch", Process("frost-watch", $"""
            <bpmn:startEvent id="start" />
            {UserTask("term", "head")}
            <bpmn:boundaryEvent id="frost" attachedToRef="term" cancelActivity="false"><bpmn:signalEventDefinition signalRef="frostSig" /></bpmn:boundaryEvent>
            {UserTask("notifyParents")}{Ends("term", "notifyParents")}
            {Flow("f0", "start", "term")}{Flow("f1", "frost", "notifyParents")}
            """, """<bpmn:signal id="frostSig" name="frost" />"""));
        var started = await StartAsync("frost-watch");

        await BroadcastAsync("frost");
        await BroadcastAsync("frost");
        await CompleteAsync(started.InstanceId, "term");
        var afterTerm = await BroadcastAsync("frost");

        Assert.Empty(afterTerm);
        Assert.Equal(["notifyParents", "notifyParents"], await OpenTaskIdsAsync(started.InstanceId));
    }
}
