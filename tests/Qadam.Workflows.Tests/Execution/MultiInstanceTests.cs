using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using Xunit.Abstractions;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// Multi-instance activities as Camunda 7 runs them: user tasks, sub-processes, service tasks and call activities, all at
/// once or one after another, each instance with its own element and loopCounter, the whole ended early by a completion
/// condition; each school's instance of a sub-process moves on by itself.
/// </summary>
public sealed class MultiInstanceTests(EngineFixture fixture, ITestOutputHelper output) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private static JsonObject Schools(int count) =>
        new() { ["organisations"] = new JsonArray([.. Enumerable.Range(1, count).Select(i => (JsonNode)$"s{i}")]) };

    /// <summary>Each school of the order signs its own order, then confirms access to the learning system; then the region reports.</summary>
    private static string PerSchool(string key, string characteristics = "") => Process(key, $"""
        <bpmn:startEvent id="start" />
        <bpmn:subProcess id="school">
          <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="organisations" qadam:elementVariable="school">{characteristics}</bpmn:multiInstanceLoopCharacteristics>
          <bpmn:startEvent id="schoolStart" />
          <bpmn:userTask id="sign" qadam:candidateRoles="head" qadam:organisationScope="=school" />
          <bpmn:userTask id="lms" qadam:candidateRoles="clerk" qadam:organisationScope="=school" />
          <bpmn:endEvent id="schoolDone" />
          {Flow("s0", "schoolStart", "sign")}{Flow("s1", "sign", "lms")}{Flow("s2", "lms", "schoolDone")}
        </bpmn:subProcess>
        {UserTask("report", "regionalOfficer")}{Ends("report")}
        {Flow("f0", "start", "school")}{Flow("f1", "school", "report")}
        """);

    private async Task CompleteTaskAsync(ProcessTask task, JsonObject? data = null)
    {
        await using var host = Fixture.NewHost();
        await host.Engine.CompleteTaskAsync(new CompleteTask(task.Id, Clerk, data));
    }

    [Fact]
    public async Task A_parallel_sub_process_over_300_schools_lets_each_school_move_on_without_waiting_for_a_late_one()
    {
        await Fixture.PublishAsync("per-school", PerSchool("per-school"));

        var started = await StartAsync("per-school", Schools(300));

        var signs = await OpenTasksAsync(started.InstanceId);
        Assert.Equal(300, signs.Count);
        Assert.All(signs, t => Assert.Equal("sign", t.ElementId));
        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"s{i}").Order(), signs.Select(t => t.Organisation!).Order());

        // School 1 signs at once and is asked for the next step while 299 schools have not signed yet.
        await CompleteTaskAsync(signs.Single(t => t.Organisation == "s1"));
        var afterFirst = await OpenTasksAsync(started.InstanceId);
        Assert.Equal(("lms", "s1"), Assert.Single(afterFirst, t => t.ElementId == "lms") is var lms ? (lms.ElementId, lms.Organisation) : default);
        Assert.Equal(299, afterFirst.Count(t => t.ElementId == "sign"));

        // Every school but s300 finishes both steps; s300 is late, and holds nobody else.
        foreach (var sign in signs.Where(t => t.Organisation is not ("s1" or "s300")))
        {
            await CompleteTaskAsync(sign);
        }

        foreach (var step in (await OpenTasksAsync(started.InstanceId)).Where(t => t.ElementId == "lms"))
        {
            await CompleteTaskAsync(step);
        }

        var waiting = Assert.Single(await OpenTasksAsync(started.InstanceId));
        Assert.Equal(("sign", "s300"), (waiting.ElementId, waiting.Organisation));
        var state = JsonNode.Parse((await InstanceAsync(started.InstanceId)).StateJson)!;
        Assert.Contains(state["scopes"]!.AsArray(), s => s!["nodeId"]!.GetValue<string>() == "school" && s["completed"]!.GetValue<int>() == 299);

        await CompleteTaskAsync(waiting);
        await CompleteAsync(started.InstanceId, "lms");
        Assert.Equal(["report"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task What_one_schools_steps_record_stays_in_that_schools_instance_and_joins_the_output_collection_at_its_end()
    {
        await Fixture.PublishAsync("own-form", Process("own-form", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="school">
              <bpmn:multiInstanceLoopCharacteristics isSequential="false" qadam:collection="organisations" qadam:elementVariable="school"
                qadam:outputCollection="results" />
              <bpmn:startEvent id="schoolStart" />
              <bpmn:userTask id="sign" qadam:candidateRoles="head" qadam:organisationScope="=school" />
              <bpmn:userTask id="lms" qadam:candidateRoles="clerk" qadam:organisationScope="=school" qadam:assignee="=classes" />
              <bpmn:endEvent id="schoolDone" />
              {Flow("s0", "schoolStart", "sign")}{Flow("s1", "sign", "lms")}{Flow("s2", "lms", "schoolDone")}
            </bpmn:subProcess>
            {UserTask("report", "regionalOfficer")}{Ends("report")}
            {Flow("f0", "start", "school")}{Flow("f1", "school", "report")}
            """));
        var started = await StartAsync("own-form", Schools(2));
        var signs = await OpenTasksAsync(started.InstanceId);

        // Both heads fill in the same form field; each school's next step sees its own value, the process none.
        await CompleteTaskAsync(signs.Single(t => t.Organisation == "s1"), new JsonObject { ["classes"] = "5А" });
        await CompleteTaskAsync(signs.Single(t => t.Organisation == "s2"), new JsonObject { ["classes"] = "7Б" });
        var lms = (await OpenTasksAsync(started.InstanceId)).ToDictionary(t => t.Organisation!, t => t.Assignee);
        var whileRunning = await VariablesAsync(started.InstanceId);
        foreach (var step in await OpenTasksAsync(started.InstanceId))
        {
            await using var host = Fixture.NewHost();
            await host.Engine.CompleteTaskAsync(new CompleteTask(step.Id, new Actor(step.Assignee!, "clerk", step.Organisation),
                new JsonObject { ["confirmed"] = true }));
        }

        Assert.Equal("5А", lms["s1"]);
        Assert.Equal("7Б", lms["s2"]);
        Assert.Null(whileRunning["classes"]);
        var results = (await VariablesAsync(started.InstanceId))["results"]!.AsArray();
        Assert.Equal([("s1", "5А"), ("s2", "7Б")], results
            .Select(r => (r!["school"]!.GetValue<string>(), r["classes"]!.GetValue<string>())).Order());
        Assert.All(results, r => Assert.True(r!["confirmed"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_nationwide_order_of_7859_schools_starts_in_one_command_within_the_default_limits()
    {
        await Fixture.PublishAsync("nationwide", PerSchool("nationwide"));
        var watch = Stopwatch.StartNew();

        var started = await StartAsync("nationwide", Schools(7_859));

        output.WriteLine($"7,859 school instances started in {watch.Elapsed.TotalSeconds:0.0} s");
        await using var db = Fixture.NewContext();
        Assert.Equal(7_859, await db.Tasks.CountAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "sign"));
        Assert.Equal(7_859, await db.Tasks.Where(t => t.InstanceId == started.InstanceId).Select(t => t.Organisation).Distinct().CountAsync());
    }

    [Fact]
    public async Task A_completion_condition_ends_the_activity_and_cancels_the_instances_still_running()
    {
        await Fixture.PublishAsync("quorum", PerSchool("quorum",
            """<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">nrOfCompletedInstances &gt;= 3</bpmn:completionCondition>"""));
        var started = await StartAsync("quorum", Schools(5));

        foreach (var school in new[] { "s2", "s4", "s5" })
        {
            await CompleteTaskAsync((await OpenTasksAsync(started.InstanceId)).Single(t => t.Organisation == school && t.ElementId == "sign"));
            await CompleteTaskAsync((await OpenTasksAsync(started.InstanceId)).Single(t => t.Organisation == school && t.ElementId == "lms"));
        }

        Assert.Equal(["report"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        var cancelled = await db.Tasks.Where(t => t.InstanceId == started.InstanceId && t.Status == Workflows.Execution.UserTaskStatus.Cancelled)
            .Select(t => t.Organisation).OrderBy(o => o).ToListAsync();
        Assert.Equal(["s1", "s3"], cancelled);
    }

    [Fact]
    public async Task A_sequential_user_task_opens_one_instance_at_a_time_in_order_with_its_element_and_loop_counter()
    {
        await Fixture.PublishAsync("in-turn", Process("in-turn", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="review" qadam:candidateRoles="clerk" qadam:organisationScope="=school + '-' + loopCounter">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" qadam:collection="organisations" qadam:elementVariable="school" qadam:outputCollection="reviews" />
            </bpmn:userTask>
            {UserTask("after")}{Ends("after")}
            {Flow("f0", "start", "review")}{Flow("f1", "review", "after")}
            """));
        var started = await StartAsync("in-turn", Schools(3));

        var seen = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var task = Assert.Single(await OpenTasksAsync(started.InstanceId));
            Assert.Equal("review", task.ElementId);
            Assert.Equal(i, task.LoopIndex);
            seen.Add(task.Organisation!);
            await CompleteTaskAsync(task, new JsonObject { ["ok"] = i });
        }

        Assert.Equal(["s1-0", "s2-1", "s3-2"], seen);
        Assert.Equal(["after"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.Equal(3, ((JsonArray)(await VariablesAsync(started.InstanceId))["reviews"]!).Count);
    }

    [Fact]
    public async Task A_multi_instance_service_task_runs_its_activity_once_per_element_with_that_element()
    {
        var activity = new RecordSchool();
        // As Camunda Modeler writes it: camunda:collection with a JUEL-style ${...} wrapper.
        const string Loop = """
            <bpmn:multiInstanceLoopCharacteristics camunda:collection="${organisations}" camunda:elementVariable="school"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" />
            """;
        await Fixture.PublishAsync("notify-each", Process("notify-each", $"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="notify" qadam:activity="record-school">{Loop}</bpmn:serviceTask>
            {UserTask("after")}{Ends("after")}
            {Flow("f0", "start", "notify")}{Flow("f1", "notify", "after")}
            """), null, activity);
        var started = await StartAsync("notify-each", Schools(3));

        await using (var host = Fixture.NewHost(activity))
        {
            Assert.Equal(3, await host.Engine.RunDueJobsAsync());
        }

        Assert.Equal(["s1#0", "s2#1", "s3#2"], activity.Seen.Order());
        Assert.Equal(["after"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_sequential_call_activity_starts_one_child_after_another_each_with_its_element()
    {
        await Fixture.PublishAsync("child", Process("child", $"""
            <bpmn:startEvent id="start" />{UserTask("childTask", "head", "qadam:organisationScope=\"=school\"")}{Ends("childTask")}
            {Flow("f0", "start", "childTask")}
            """));
        await Fixture.PublishAsync("parent", Process("parent", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="call" calledElement="child" qadam:outputs="">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true"><bpmn:loopDataInputRef>schoolList</bpmn:loopDataInputRef>
                <bpmn:inputDataItem id="item_school" name="school" /></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:callActivity>
            <bpmn:dataObject id="schoolList" name="organisations" />
            {UserTask("after")}{Ends("after")}
            {Flow("f0", "start", "call")}{Flow("f1", "call", "after")}
            """));
        var started = await StartAsync("parent", Schools(2));

        await using var db = Fixture.NewContext();
        for (var i = 1; i <= 2; i++)
        {
            var child = await db.Instances.AsNoTracking().SingleAsync(c => c.ParentInstanceId == started.InstanceId && c.Status == InstanceStatus.Active);
            Assert.Equal($"s{i}", (await OpenTaskAsync(child.Id, "childTask")).Organisation);
            await CompleteAsync(child.Id, "childTask");
        }

        Assert.Equal(2, await db.Instances.CountAsync(c => c.ParentInstanceId == started.InstanceId && c.Status == InstanceStatus.Completed));
        Assert.Equal(["after"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_empty_collection_passes_the_activity_by_and_a_cardinality_counts_from_zero()
    {
        await Fixture.PublishAsync("none-or-two", Process("none-or-two", $"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="each" qadam:candidateRoles="clerk" qadam:organisationScope="='n' + loopCounter">
              <bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>count</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            {UserTask("after")}{Ends("after")}
            {Flow("f0", "start", "each")}{Flow("f1", "each", "after")}
            """));

        var none = await StartAsync("none-or-two", new JsonObject { ["count"] = 0 });
        var two = await StartAsync("none-or-two", new JsonObject { ["count"] = 2 });

        Assert.Equal(["after"], await OpenTaskIdsAsync(none.InstanceId));
        Assert.Equal(["n0", "n1"], (await OpenTasksAsync(two.InstanceId)).Select(t => t.Organisation));
    }

    [Fact]
    public async Task Plain_and_manual_tasks_pass_through()
    {
        await Fixture.PublishAsync("paper", Process("paper", $"""
            <bpmn:startEvent id="start" />
            <bpmn:task id="onPaper" name="Stamp the paper copy" />
            <bpmn:manualTask id="byHand" name="Hand over the file" />
            {UserTask("after")}{Ends("after")}
            {Flow("f0", "start", "onPaper")}{Flow("f1", "onPaper", "byHand")}{Flow("f2", "byHand", "after")}
            """));

        var started = await StartAsync("paper");

        Assert.Equal(["after"], started.WaitingAt);
        await using var db = Fixture.NewContext();
        var left = await db.Journal.Where(j => j.InstanceId == started.InstanceId && j.Event == "left").Select(j => j.ElementId).ToListAsync();
        Assert.Contains("onPaper", left);
        Assert.Contains("byHand", left);
    }

    private sealed class RecordSchool : IProcessActivity
    {
        public List<string> Seen { get; } = [];

        public string Name => "record-school";

        public Task ExecuteAsync(Workflows.Execution.ActivityContext context, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add($"{context.Variables["school"]}#{context.Variables["loopCounter"]}");
            }

            return Task.CompletedTask;
        }
    }
}
