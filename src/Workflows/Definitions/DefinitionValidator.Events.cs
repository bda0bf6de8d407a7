using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>The rules of event sub-processes, event-based gateways, links and compensation (BPMN 2.0, 10.5 and 13.4.5).</summary>
public static partial class DefinitionValidator
{
    private static bool IsOutsideTheFlow(FlowNode node) =>
        node is SubProcess { TriggeredByEvent: true }
        || node.IsForCompensation
        || node is IntermediateThrowEvent { Trigger: LinkTrigger }
        || node is BoundaryEvent { Trigger: CompensateTrigger };

    private static string Describe(FlowNode node) => node switch
    {
        SubProcess { TriggeredByEvent: true } => "event sub-process",
        BoundaryEvent => "compensation boundary event",
        _ when node.IsForCompensation => $"compensation handler ({node.Kind})",
        _ => node.Kind,
    };

    private static string TriggerName(EventTrigger trigger) => trigger switch
    {
        MessageTrigger => "message",
        TimerTrigger => "timer",
        SignalTrigger => "signal",
        ErrorTrigger => "error",
        EscalationTrigger => "escalation",
        ConditionalTrigger => "conditional",
        CompensateTrigger => "compensation",
        LinkTrigger => "link",
        TerminateTrigger => "terminate",
        _ => "none",
    };

    private static bool CheckEventSubProcessStart(SubProcess owner, List<StartEvent> starts, List<DefinitionProblem> problems)
    {
        if (starts.Count == 0 && owner.Inner.Nodes.Any(n => n is UnsupportedNode { Kind: "startEvent" }))
        {
            // Its start event is refused already, with its reason.
            return true;
        }

        if (starts.Count != 1)
        {
            problems.Add(new DefinitionProblem(
                owner.Id,
                $"the event sub-process has {starts.Count} start events: it needs exactly one, whose event starts it"));
            return starts.Count > 0;
        }

        var start = starts[0];
        if (start.Trigger is not (MessageTrigger or TimerTrigger or SignalTrigger or ErrorTrigger or EscalationTrigger or ConditionalTrigger))
        {
            problems.Add(new DefinitionProblem(
                start.Id,
                $"an event sub-process starts at a message, timer, signal, error, escalation or conditional start event, not a {TriggerName(start.Trigger)} one"));
        }
        else if (start.Trigger is ErrorTrigger && !start.IsInterrupting)
        {
            problems.Add(new DefinitionProblem(start.Id, "an error start event always interrupts its scope: remove isInterrupting=\"false\""));
        }

        return true;
    }

    /// <summary>Event-based gateways, compensation boundaries and compensation throws.</summary>
    private static void CheckEventNode(FlowNode node, List<DefinitionProblem> problems)
    {
        switch (node)
        {
            case EventBasedGateway gateway:
                if (gateway.Outgoing.Count == 1)
                {
                    problems.Add(DefinitionProblem.Incomplete(
                        gateway.Id, "gateway.one-event", "the eventBasedGateway needs two or more outgoing flows, each to the event that may come first"));
                }

                foreach (var flow in gateway.Outgoing.Where(f => !IsRaceable(f.Target)))
                {
                    problems.Add(new DefinitionProblem(
                        flow.Id,
                        $"the flow leaves eventBasedGateway {gateway.Id} for {flow.Target.Kind} {flow.Target.Id}: it must lead to a message, "
                        + "timer, signal or conditional intermediate catch event, or a receiveTask"));
                }

                break;
            case BoundaryEvent { Trigger: CompensateTrigger, CompensationHandler: null }:
                problems.Add(DefinitionProblem.Incomplete(
                    node.Id,
                    "compensation.no-handler",
                    "the compensation boundary event has no handler: associate it with an activity marked isForCompensation=\"true\""));
                break;
            case IntermediateThrowEvent or EndEvent when ThrownTrigger(node) is CompensateTrigger { ActivityRef: { } activity }:
                if (!node.Scope.Nodes.Any(n => n.Id == activity && n.Boundaries.Any(b => b.Trigger is CompensateTrigger)))
                {
                    problems.Add(new DefinitionProblem(
                        node.Id,
                        $"activityRef {DefinitionProblem.Quote(activity)} names no activity of this scope with a compensation boundary event"));
                }

                break;
        }
    }

    private static EventTrigger? ThrownTrigger(FlowNode node) => node switch
    {
        IntermediateThrowEvent t => t.Trigger,
        EndEvent e => e.Trigger,
        _ => null,
    };

    private static bool IsRaceable(FlowNode target) =>
        target is ReceiveTask
        || target is IntermediateCatchEvent { Trigger: MessageTrigger or TimerTrigger or SignalTrigger or ConditionalTrigger };

    /// <summary>Every link throw has its catch in the same scope, and a link name is caught once.</summary>
    private static void CheckLinks(FlowScope scope, List<DefinitionProblem> problems)
    {
        var catches = scope.Nodes.OfType<IntermediateCatchEvent>()
            .Where(c => c.Trigger is LinkTrigger { LinkName.Length: > 0 })
            .GroupBy(c => ((LinkTrigger)c.Trigger).LinkName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (name, events) in catches.Where(c => c.Value.Count > 1))
        {
            problems.Add(new DefinitionProblem(
                events[1].Id,
                $"the link {DefinitionProblem.Quote(name)} is caught by {events.Count} events ({string.Join(", ", events.Select(e => e.Id))}): "
                + "a link name leads to one catch event"));
        }

        foreach (var thrower in scope.Nodes.OfType<IntermediateThrowEvent>())
        {
            if (thrower.Trigger is LinkTrigger { LinkName.Length: > 0 } link && !catches.ContainsKey(link.LinkName))
            {
                problems.Add(new DefinitionProblem(
                    thrower.Id,
                    $"no link catch event named {DefinitionProblem.Quote(link.LinkName)} in the same scope: a link jumps within one scope"));
            }
        }
    }

    private static void CheckPayload(string id, IReadOnlyList<string>? payload, List<DefinitionProblem> problems)
    {
        foreach (var name in payload ?? [])
        {
            CheckVariableName(id, "qadam:payload", name, problems);
        }
    }
}
