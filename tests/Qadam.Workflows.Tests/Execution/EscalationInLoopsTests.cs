using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// An escalation thrown inside one instance of a multi-instance sub-process reaches the boundary of the whole activity; the
/// compensation forms Qadam does not run (a throw that does not wait, a compensation event sub-process) are refused by name.
/// </summary>
public sealed class EscalationInLoopsTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Escalation = """<bpmn:escalation id="needsRegion" escalationCode="NEEDS_REGION" />""";

    [Fact]
    public async Task An_escalation_in_one_schools_sub_process_is_caught_by_the_multi_instance_activitys_boundary()
    {
        await Fixture.PublishAsync("esc-mi", Process("esc-mi", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="perSchool">
              <bpmn:multiInstanceLoopCharacteristics qadam:collection="schools" qadam:elementVariable="school" />
              <bpmn:startEvent id="ss" />
              {UserTask("check")}
              <bpmn:exclusiveGateway id="blocked" default="fine" />
              <bpmn:endEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="needsRegion" /></bpmn:endEvent>
              <bpmn:endEvent id="se" />
              {Flow("s0", "ss", "check")}{Flow("s1", "check", "blocked")}{Flow("hard", "blocked", "escalate", "closed")}{Flow("fine", "blocked", "se")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="toRegion" attachedToRef="perSchool"><bpmn:escalationEventDefinition escalationRef="needsRegion" /></bpmn:boundaryEvent>
            {UserTask("regionDecides", "regionalOfficer")}{UserTask("order")}{Ends("regionDecides", "order")}
            {Flow("f0", "start", "perSchool")}{Flow("f1", "perSchool", "order")}{Flow("f2", "toRegion", "regionDecides")}
            """, Escalation));
        var started = await StartAsync("esc-mi", new JsonObject { ["schools"] = new JsonArray("s1", "s2", "s3") });
        var checks = (await OpenTasksAsync(started.InstanceId)).Where(t => t.ElementId == "check").ToList();
        Assert.Equal(3, checks.Count);

        await using (var host = Fixture.NewHost())
        {
            await host.Engine.CompleteTaskAsync(new Workflows.Execution.CompleteTask(checks[1].Id, Clerk, new JsonObject { ["closed"] = true }));
        }

        Assert.Equal(["regionDecides"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        var cancelled = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == started.InstanceId && t.ElementId == "check")
            .Select(t => t.Status).ToListAsync();
        Assert.Equal(2, cancelled.Count(s => s == UserTaskStatus.Cancelled));
    }

    [Fact]
    public void A_compensation_throw_that_does_not_wait_for_its_handlers_is_refused_naming_it()
    {
        var result = BpmnParser.Parse(Process("comp-nowait", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateThrowEvent id="undo"><bpmn:compensateEventDefinition waitForCompletion="false" /></bpmn:intermediateThrowEvent>
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "undo")}{Flow("f1", "undo", "end")}
            """));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("undo", problem.ElementId);
        Assert.StartsWith("intermediateThrowEvent with waitForCompletion=\"false\" is not supported", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compensation_event_sub_process_is_refused_naming_its_start_event()
    {
        var result = BpmnParser.Parse(Process("comp-esp", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="work">
              <bpmn:startEvent id="ws" />{UserTask("step")}<bpmn:endEvent id="we" />
              {Flow("w0", "ws", "step")}{Flow("w1", "step", "we")}
              <bpmn:subProcess id="onUndo" triggeredByEvent="true">
                <bpmn:startEvent id="undoStart"><bpmn:compensateEventDefinition /></bpmn:startEvent>
                {UserTask("revert")}<bpmn:endEvent id="ue" />
                {Flow("u0", "undoStart", "revert")}{Flow("u1", "revert", "ue")}
              </bpmn:subProcess>
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "work")}{Flow("f1", "work", "end")}
            """));

        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal("undoStart", problem.ElementId);
        Assert.StartsWith("a compensation start event (a compensation event sub-process) is not supported", problem.Message, StringComparison.Ordinal);
    }
}
