using Qadam.Workflows.Definitions.Model;
using static Qadam.Workflows.Tests.Definitions.BpmnDocument;

namespace Qadam.Workflows.Tests.Definitions;

/// <summary>
/// The events Camunda 7 runs are read into the model (send and receive tasks, throw events, event-based gateways, event
/// sub-processes, compensation), and each mistake in them is one problem naming the element to fix.
/// </summary>
public sealed class EventDefinitionTests
{
    private const string Roots = """
        <bpmn:message id="M" name="letter" /><bpmn:signal id="S" name="lifted" /><bpmn:escalation id="E" escalationCode="HEAD" />
        """;

    public static TheoryData<string, string> AcceptedSteps => new()
    {
        { """<bpmn:sendTask id="Step" messageRef="M" qadam:correlationKey="caseNo" qadam:payload="a, b" />""", "sendTask" },
        { """<bpmn:receiveTask id="Step" messageRef="M" qadam:correlationKey="caseNo" />""", "receiveTask" },
        { """<bpmn:intermediateThrowEvent id="Step" />""", "intermediateThrowEvent" },
        { """<bpmn:intermediateThrowEvent id="Step"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent" },
        { """<bpmn:intermediateThrowEvent id="Step"><bpmn:signalEventDefinition signalRef="S" qadam:correlationKey="orderId" /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent" },
        { """<bpmn:intermediateThrowEvent id="Step"><bpmn:escalationEventDefinition escalationRef="E" /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent" },
        { """<bpmn:intermediateThrowEvent id="Step"><bpmn:compensateEventDefinition /></bpmn:intermediateThrowEvent>""", "intermediateThrowEvent" },
        { """<bpmn:intermediateCatchEvent id="Step"><bpmn:signalEventDefinition signalRef="S" /></bpmn:intermediateCatchEvent>""", "intermediateCatchEvent" },
        {
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:conditionalEventDefinition><bpmn:condition>risk &gt; 2</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>""",
            "intermediateCatchEvent"
        },
        {
            UserTaskStep + """<bpmn:boundaryEvent id="B" attachedToRef="Step" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="E" /></bpmn:boundaryEvent><bpmn:sequenceFlow id="BF" sourceRef="B" targetRef="End" />""",
            "userTask"
        },
    };

    [Theory]
    [MemberData(nameof(AcceptedSteps))]
    public void A_step_Camunda_runs_is_accepted(string step, string kind)
    {
        var model = Valid(Around(step, Roots));

        Assert.Equal(kind, model.Node("Step").Kind);
    }

    [Fact]
    public void Event_sub_processes_gateways_links_and_compensation_are_read_into_the_model()
    {
        var model = Valid(Process($"""
            <bpmn:startEvent id="Start" />
            <bpmn:eventBasedGateway id="G" />
            <bpmn:intermediateCatchEvent id="Letter"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="Days"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="Enrol" qadam:candidateRoles="clerk" />
            <bpmn:boundaryEvent id="Undo" attachedToRef="Enrol"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
            <bpmn:userTask id="Unenrol" qadam:candidateRoles="clerk" isForCompensation="true" />
            <bpmn:association id="A" sourceRef="Undo" targetRef="Unenrol" />
            <bpmn:intermediateThrowEvent id="Jump"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="Land"><bpmn:linkEventDefinition name="next" /></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End"><bpmn:compensateEventDefinition /></bpmn:endEvent>
            <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="F1" sourceRef="G" targetRef="Letter" />
            <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="Days" />
            <bpmn:sequenceFlow id="F3" sourceRef="Letter" targetRef="Enrol" />
            <bpmn:sequenceFlow id="F4" sourceRef="Days" targetRef="Enrol" />
            <bpmn:sequenceFlow id="F5" sourceRef="Enrol" targetRef="Jump" />
            <bpmn:sequenceFlow id="F6" sourceRef="Land" targetRef="End" />
            <bpmn:subProcess id="OnWithdrawal" triggeredByEvent="true">
              <bpmn:startEvent id="Withdrawn" isInterrupting="false"><bpmn:signalEventDefinition signalRef="S" /></bpmn:startEvent>
              <bpmn:endEvent id="WEnd" />
              <bpmn:sequenceFlow id="W0" sourceRef="Withdrawn" targetRef="WEnd" />
            </bpmn:subProcess>
            """, Roots));

        var boundary = (BoundaryEvent)model.Node("Undo");
        Assert.Equal("Unenrol", boundary.CompensationHandler!.Id);
        Assert.True(model.Node("Unenrol").IsForCompensation);
        var sub = Assert.Single(model.Root.EventSubProcesses);
        var start = Assert.Single(sub.Inner.StartEvents);
        Assert.False(start.IsInterrupting);
        Assert.Equal(new SignalTrigger("lifted", null), start.Trigger);
        Assert.IsType<EventBasedGateway>(model.Node("G"));
    }

    public static TheoryData<string, string, string> Mistakes => new()
    {
        {
            UserTaskStep + """<bpmn:boundaryEvent id="U" attachedToRef="Step"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>""",
            "U", "the compensation boundary event has no handler"
        },
        {
            UserTaskStep + """<bpmn:startEvent id="OnErr"><bpmn:errorEventDefinition /></bpmn:startEvent><bpmn:sequenceFlow id="OE" sourceRef="OnErr" targetRef="End" />""",
            "OnErr", "the error start event belongs in an event sub-process"
        },
        {
            UserTaskStep + """<bpmn:subProcess id="Esp" triggeredByEvent="true"><bpmn:startEvent id="Es" isInterrupting="false"><bpmn:errorEventDefinition /></bpmn:startEvent><bpmn:endEvent id="Ee" /><bpmn:sequenceFlow id="E0" sourceRef="Es" targetRef="Ee" /></bpmn:subProcess>""",
            "Es", "an error start event always interrupts its scope"
        },
        {
            UserTaskStep + """<bpmn:subProcess id="Esp" triggeredByEvent="true"><bpmn:startEvent id="Es" /><bpmn:endEvent id="Ee" /><bpmn:sequenceFlow id="E0" sourceRef="Es" targetRef="Ee" /></bpmn:subProcess>""",
            "Es", "not a none one"
        },
        {
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:signalEventDefinition /></bpmn:intermediateCatchEvent>""",
            "Step", "the signal event names no signal"
        },
        {
            """<bpmn:intermediateCatchEvent id="Step"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>""",
            "Step", "the conditional event has no condition"
        },
        {
            """<bpmn:sendTask id="Step" messageRef="Nope" />""",
            "Step", "messageRef 'Nope' names no bpmn:message"
        },
        {
            """<bpmn:sendTask id="Step" messageRef="M" qadam:payload="ok, 9bad" />""",
            "Step", "qadam:payload '9bad' is not a variable name"
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_an_event_is_one_problem_naming_its_element(string step, string id, string reason)
    {
        var problem = SingleProblem(Around(step, Roots), id);

        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_based_gateway_leading_to_a_task_names_that_flow()
    {
        var problem = SingleProblem(Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:eventBasedGateway id="G" />
            <bpmn:intermediateCatchEvent id="Letter"><bpmn:messageEventDefinition messageRef="M" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="T" qadam:candidateRoles="a" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F0" sourceRef="Start" targetRef="G" />
            <bpmn:sequenceFlow id="F1" sourceRef="G" targetRef="Letter" />
            <bpmn:sequenceFlow id="Bad" sourceRef="G" targetRef="T" />
            <bpmn:sequenceFlow id="F2" sourceRef="Letter" targetRef="End" />
            <bpmn:sequenceFlow id="F3" sourceRef="T" targetRef="End" />
            """, Roots), "Bad");

        Assert.Equal(
            "the flow leaves eventBasedGateway G for userTask T: it must lead to a message, timer, signal or conditional intermediate catch "
            + "event, or a receiveTask",
            problem.Message);
    }

    [Fact]
    public void A_link_throw_without_its_catch_is_named()
    {
        var problem = SingleProblem(Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:intermediateThrowEvent id="J"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="J" />
            """), "J");

        Assert.Equal("no link catch event named 'nowhere' in the same scope: a link jumps within one scope", problem.Message);
    }

    [Fact]
    public void An_event_sub_process_with_flows_in_or_out_is_named()
    {
        var problem = SingleProblem(Process("""
            <bpmn:startEvent id="Start" />
            <bpmn:subProcess id="Esp" triggeredByEvent="true">
              <bpmn:startEvent id="Es"><bpmn:signalEventDefinition signalRef="S" /></bpmn:startEvent><bpmn:endEvent id="Ee" />
              <bpmn:sequenceFlow id="E0" sourceRef="Es" targetRef="Ee" />
            </bpmn:subProcess>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="In" sourceRef="Start" targetRef="Esp" />
            <bpmn:sequenceFlow id="Out" sourceRef="Esp" targetRef="End" />
            """, Roots), "Esp");

        Assert.Equal("the event sub-process has sequence flows (In, Out): nothing flows into or out of it", problem.Message);
    }
}
