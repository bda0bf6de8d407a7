using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using static Qadam.Workflows.Tests.Bpmn;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>Escalation, compensation, conditional events and links, each command in its own transaction.</summary>
public sealed class EscalationCompensationTests(EngineFixture fixture) : EngineTestBase(fixture), IClassFixture<EngineFixture>
{
    private const string Escalation = """<bpmn:escalation id="needsHead" escalationCode="NEEDS_HEAD" />""";

    [Fact]
    public async Task An_escalation_end_event_in_a_sub_process_is_caught_by_an_interrupting_boundary()
    {
        await Fixture.PublishAsync("esc-end", Process("esc-end", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="review">
              <bpmn:startEvent id="rs" />
              <bpmn:parallelGateway id="fork" />
              {UserTask("check")}{UserTask("interview", "psychologist")}
              <bpmn:exclusiveGateway id="complex" default="simple" />
              <bpmn:endEvent id="escalate"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:endEvent>
              <bpmn:endEvent id="re" /><bpmn:endEvent id="ie" />
              {Flow("r0", "rs", "fork")}{Flow("r1", "fork", "check")}{Flow("r2", "fork", "interview")}{Flow("r3", "check", "complex")}
              {Flow("hard", "complex", "escalate", "disputed")}{Flow("simple", "complex", "re")}{Flow("r4", "interview", "ie")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="toHead" attachedToRef="review"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:boundaryEvent>
            {UserTask("headDecides", "head")}{UserTask("order")}{Ends("headDecides", "order")}
            {Flow("f0", "start", "review")}{Flow("f1", "review", "order")}{Flow("f2", "toHead", "headDecides")}
            """, Escalation));
        var started = await StartAsync("esc-end");

        await CompleteAsync(started.InstanceId, "check", new JsonObject { ["disputed"] = true });

        Assert.Equal(["headDecides"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        Assert.Equal(UserTaskStatus.Cancelled,
            (await db.Tasks.AsNoTracking().SingleAsync(t => t.InstanceId == started.InstanceId && t.ElementId == "interview")).Status);
    }

    [Fact]
    public async Task A_non_interrupting_escalation_boundary_lets_the_sub_process_go_on()
    {
        await Fixture.PublishAsync("esc-throw", Process("esc-throw", $"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="review">
              <bpmn:startEvent id="rs" />
              {UserTask("check")}
              <bpmn:intermediateThrowEvent id="tellHead"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:intermediateThrowEvent>
              {UserTask("finish")}
              <bpmn:endEvent id="re" />
              {Flow("r0", "rs", "check")}{Flow("r1", "check", "tellHead")}{Flow("r2", "tellHead", "finish")}{Flow("r3", "finish", "re")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="informed" attachedToRef="review" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:boundaryEvent>
            {UserTask("headInformed", "head")}{UserTask("order")}{Ends("headInformed", "order")}
            {Flow("f0", "start", "review")}{Flow("f1", "review", "order")}{Flow("f2", "informed", "headInformed")}
            """, Escalation));
        var started = await StartAsync("esc-throw");

        await CompleteAsync(started.InstanceId, "check");
        var afterCheck = await OpenTaskIdsAsync(started.InstanceId);
        await CompleteAsync(started.InstanceId, "finish");

        Assert.Equal(["finish", "headInformed"], afterCheck);
        Assert.Equal(["headInformed", "order"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_uncaught_escalation_changes_nothing_and_an_escalation_event_sub_process_catches_one_in_its_scope()
    {
        await Fixture.PublishAsync("esc-esp", Process("esc-esp", $"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateThrowEvent id="nobodyListens"><bpmn:escalationEventDefinition escalationRef="other" /></bpmn:intermediateThrowEvent>
            {UserTask("work")}
            <bpmn:intermediateThrowEvent id="tell"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:intermediateThrowEvent>
            {UserTask("goOn")}{Ends("goOn")}
            {Flow("f0", "start", "nobodyListens")}{Flow("f1", "nobodyListens", "work")}{Flow("f2", "work", "tell")}{Flow("f3", "tell", "goOn")}
            <bpmn:subProcess id="onEscalation" triggeredByEvent="true">
              <bpmn:startEvent id="caught" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:startEvent>
              {UserTask("headLooks", "head")}
              <bpmn:endEvent id="he" />
              {Flow("h0", "caught", "headLooks")}{Flow("h1", "headLooks", "he")}
            </bpmn:subProcess>
            """, Escalation + """<bpmn:escalation id="other" escalationCode="OTHER" />"""));
        var started = await StartAsync("esc-esp");
        Assert.Equal(["work"], await OpenTaskIdsAsync(started.InstanceId));

        await CompleteAsync(started.InstanceId, "work");

        Assert.Equal(["goOn", "headLooks"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task An_escalation_in_a_called_process_is_caught_by_a_boundary_on_the_call_activity()
    {
        await Fixture.PublishAsync("school-check", Process("school-check", $"""
            <bpmn:startEvent id="s" />
            {UserTask("inspect")}
            <bpmn:intermediateThrowEvent id="raise"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:intermediateThrowEvent>
            {UserTask("writeUp")}
            <bpmn:endEvent id="e" />
            {Flow("c0", "s", "inspect")}{Flow("c1", "inspect", "raise")}{Flow("c2", "raise", "writeUp")}{Flow("c3", "writeUp", "e")}
            """, Escalation));
        await Fixture.PublishAsync("district", Process("district", $"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="check" calledElement="school-check" />
            <bpmn:boundaryEvent id="headNeeded" attachedToRef="check"><bpmn:escalationEventDefinition escalationRef="needsHead" /></bpmn:boundaryEvent>
            {UserTask("headVisits", "head")}{UserTask("file")}{Ends("headVisits", "file")}
            {Flow("f0", "start", "check")}{Flow("f1", "check", "file")}{Flow("f2", "headNeeded", "headVisits")}
            """, Escalation));
        var started = await StartAsync("district");
        await using var db = Fixture.NewContext();
        var child = await db.Instances.AsNoTracking().SingleAsync(i => i.ParentInstanceId == started.InstanceId);

        await CompleteAsync(child.Id, "inspect");

        Assert.Equal(["headVisits"], await OpenTaskIdsAsync(started.InstanceId));
        Assert.Equal(InstanceStatus.Cancelled, (await InstanceAsync(child.Id)).Status);
        Assert.Empty(await OpenTaskIdsAsync(child.Id));
    }

    [Fact]
    public async Task A_compensation_throw_undoes_two_completed_steps_in_reverse_order_then_goes_on()
    {
        await Fixture.PublishAsync("undo", Process("undo", $"""
            <bpmn:startEvent id="start" />
            {UserTask("enrol")}
            <bpmn:boundaryEvent id="undoEnrolBoundary" attachedToRef="enrol"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="unenrol" qadam:candidateRoles="clerk" isForCompensation="true" />
            {UserTask("allocateLaptop")}
            <bpmn:boundaryEvent id="undoLaptopBoundary" attachedToRef="allocateLaptop"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="returnLaptop" qadam:candidateRoles="clerk" isForCompensation="true" />
            {UserTask("confirm", "head")}
            <bpmn:exclusiveGateway id="confirmed" default="yes" />
            <bpmn:intermediateThrowEvent id="rollBack"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>
            {UserTask("informParent")}
            <bpmn:endEvent id="done" />
            {Flow("f0", "start", "enrol")}{Flow("f1", "enrol", "allocateLaptop")}{Flow("f2", "allocateLaptop", "confirm")}{Flow("f3", "confirm", "confirmed")}
            {Flow("no", "confirmed", "rollBack", "refused")}{Flow("yes", "confirmed", "done")}{Flow("f4", "rollBack", "informParent")}
            {Ends("informParent")}
            <bpmn:association id="a1" associationDirection="One" sourceRef="undoEnrolBoundary" targetRef="unenrol" />
            <bpmn:association id="a2" associationDirection="One" sourceRef="undoLaptopBoundary" targetRef="returnLaptop" />
            """));
        var started = await StartAsync("undo");
        await CompleteAsync(started.InstanceId, "enrol");
        await CompleteAsync(started.InstanceId, "allocateLaptop");

        await CompleteAsync(started.InstanceId, "confirm", new JsonObject { ["refused"] = true });
        var first = await OpenTaskIdsAsync(started.InstanceId);
        await CompleteAsync(started.InstanceId, "returnLaptop");
        var second = await OpenTaskIdsAsync(started.InstanceId);
        await CompleteAsync(started.InstanceId, "unenrol");

        Assert.Equal(["returnLaptop"], first);
        Assert.Equal(["unenrol"], second);
        Assert.Equal(["informParent"], await OpenTaskIdsAsync(started.InstanceId));
        await using var db = Fixture.NewContext();
        var order = await db.Journal.AsNoTracking().Where(j => j.InstanceId == started.InstanceId && j.Event == "compensated")
            .OrderBy(j => j.Id).Select(j => j.ElementId).ToListAsync();
        Assert.Equal(["returnLaptop", "unenrol"], order);
    }

    [Fact]
    public async Task A_compensation_end_event_compensates_only_completed_steps_and_ends_after_the_handler()
    {
        await Fixture.PublishAsync("undo-end", Process("undo-end", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            {UserTask("book")}
            <bpmn:boundaryEvent id="undoBook" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="cancelBooking" qadam:candidateRoles="clerk" isForCompensation="true" />
            {UserTask("pay")}
            <bpmn:boundaryEvent id="undoPay" attachedToRef="pay"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="refund" qadam:candidateRoles="clerk" isForCompensation="true" />
            <bpmn:endEvent id="undoAll"><bpmn:compensateEventDefinition /></bpmn:endEvent>
            <bpmn:endEvent id="payDone" />
            {Flow("f0", "start", "fork")}{Flow("f1", "fork", "book")}{Flow("f2", "fork", "pay")}{Flow("f3", "book", "undoAll")}{Flow("f4", "pay", "payDone")}
            <bpmn:association id="a1" sourceRef="undoBook" targetRef="cancelBooking" />
            <bpmn:association id="a2" sourceRef="undoPay" targetRef="refund" />
            """));
        var started = await StartAsync("undo-end");

        await CompleteAsync(started.InstanceId, "book");

        Assert.Equal(["cancelBooking", "pay"], await OpenTaskIdsAsync(started.InstanceId));
        await CompleteAsync(started.InstanceId, "cancelBooking");
        await CompleteAsync(started.InstanceId, "pay");
        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(started.InstanceId)).Status);
    }

    [Fact]
    public async Task A_conditional_catch_waits_until_a_task_sets_its_variable_and_a_conditional_boundary_interrupts()
    {
        await Fixture.PublishAsync("conditional", Process("conditional", $"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:intermediateCatchEvent id="untilMedical"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">medicalConclusion === true</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
            {UserTask("collect")}{UserTask("study", "classTeacher")}
            <bpmn:boundaryEvent id="cancelled" attachedToRef="study"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">withdrawn</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:boundaryEvent>
            {UserTask("afterMedical")}{UserTask("archive")}{UserTask("more")}{Ends("afterMedical", "archive", "study", "more")}
            {Flow("f0", "start", "fork")}{Flow("f1", "fork", "untilMedical")}{Flow("f2", "fork", "collect")}{Flow("f3", "fork", "study")}
            {Flow("f4", "untilMedical", "afterMedical")}{Flow("f5", "cancelled", "archive")}{Flow("f6", "collect", "more")}
            """));
        var started = await StartAsync("conditional", new JsonObject { ["medicalConclusion"] = false, ["withdrawn"] = false });
        Assert.Equal(["collect", "study"], await OpenTaskIdsAsync(started.InstanceId));

        await CompleteAsync(started.InstanceId, "collect", new JsonObject { ["medicalConclusion"] = true });
        var afterCollect = await OpenTaskIdsAsync(started.InstanceId);
        await CompleteAsync(started.InstanceId, "more", new JsonObject { ["withdrawn"] = true });

        Assert.Equal(["afterMedical", "more", "study"], afterCollect);
        Assert.Equal(["afterMedical", "archive"], await OpenTaskIdsAsync(started.InstanceId));
    }

    [Fact]
    public async Task A_link_throw_continues_at_its_catch_in_the_same_scope()
    {
        await Fixture.PublishAsync("linked", Process("linked", $"""
            <bpmn:startEvent id="start" />
            {UserTask("page1")}
            <bpmn:intermediateThrowEvent id="toPage2"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="fromPage1"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateCatchEvent>
            {UserTask("page2step")}{Ends("page2step")}
            {Flow("f0", "start", "page1")}{Flow("f1", "page1", "toPage2")}{Flow("f2", "fromPage1", "page2step")}
            """));
        var started = await StartAsync("linked");

        await CompleteAsync(started.InstanceId, "page1");

        Assert.Equal(["page2step"], await OpenTaskIdsAsync(started.InstanceId));
        await CompleteAsync(started.InstanceId, "page2step");
        Assert.Equal(InstanceStatus.Completed, (await InstanceAsync(started.InstanceId)).Status);
    }
}
