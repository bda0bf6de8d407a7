using System.Xml.Linq;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// Which BPMN 2.0 elements Qadam runs, which it reads past as diagram-only, and why it refuses the
/// rest (docs/architecture.md, "Process engine": anything outside the subset is rejected at upload, with
/// the element id and a reason, never at run time).
/// </summary>
internal static class BpmnSubset
{
    /// <summary>The BPMN 2.0 model namespace.</summary>
    public const string Uri = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public static readonly XNamespace Ns = Uri;

    private static readonly HashSet<string> SupportedNodes = new(StringComparer.Ordinal)
    {
        "startEvent", "endEvent", "intermediateCatchEvent", "boundaryEvent",
        "userTask", "serviceTask", "businessRuleTask", "subProcess", "callActivity",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway",
        "sendTask", "receiveTask", "intermediateThrowEvent", "eventBasedGateway",
        "task", "manualTask", "scriptTask",
    };

    // Documentation and diagram content: lanes only colour who does what (candidate roles decide),
    // data objects and annotations only explain; none of them changes how a token moves.
    private static readonly HashSet<string> DiagramOnly = new(StringComparer.Ordinal)
    {
        "laneSet", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "documentation", "extensionElements", "ioSpecification", "property",
        "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing", "auditing", "monitoring",
        "resourceRole", "performer", "humanPerformer", "potentialOwner", "category", "categoryValue",
        // Read with the activity that holds them (a sub-process's characteristics sit among its flow elements).
        "multiInstanceLoopCharacteristics", "standardLoopCharacteristics",
    };

    private static readonly Dictionary<string, string> RefusedTypes = new(StringComparer.Ordinal)
    {
        // Camunda 7 refuses complex gateways at deployment too ("unsupported" in its BPMN coverage), as Flowable does.
        ["complexGateway"] = "complexGateway is not supported (Camunda 7 does not run it either): "
                             + "use an exclusive, parallel or inclusive gateway, whose conditions say which paths are taken",
        // Camunda 7 runs transactions with cancel events; Qadam does not: a case's steps are each committed on their own.
        ["transaction"] = "transaction is not supported, nor its cancel events: use a subProcess, "
                          + "with a compensation throw event to undo its completed steps",
        ["adHocSubProcess"] = "adHocSubProcess is not supported: model the order of steps with gateways",
        ["implicitThrowEvent"] = "implicitThrowEvent is not supported",
        ["callChoreography"] = "callChoreography is not supported",
        ["choreographyTask"] = "choreographyTask is not supported",
        ["subChoreography"] = "subChoreography is not supported",
    };

    /// <summary>True for what makes a process more than an empty pool: any BPMN element but documentation and diagram content.</summary>
    public static bool IsFlowElement(string localName) => !DiagramOnly.Contains(localName);

    /// <summary>True for the node kinds the engine runs.</summary>
    public static bool IsSupportedNode(string localName) => SupportedNodes.Contains(localName);

    /// <summary>True for the BPMN elements that hold flow elements of their own (sub-process and its variants).</summary>
    public static bool IsContainer(XElement element) =>
        element.Name.Namespace == Ns && element.Name.LocalName is "subProcess" or "transaction" or "adHocSubProcess";

    /// <summary>True for content that only documents the diagram.</summary>
    public static bool IsDiagramOnly(string localName) => DiagramOnly.Contains(localName);

    /// <summary>
    /// Why an element of a process cannot run, or null when it can (or is diagram-only, or not a
    /// BPMN element at all). One reason per element, so each refused element is one problem.
    /// </summary>
    public static string? Refusal(XElement element)
    {
        if (element.Name.Namespace != Ns)
        {
            return null;
        }

        var kind = element.Name.LocalName;
        if (RefusedTypes.TryGetValue(kind, out var reason))
        {
            // Name the event too ("link intermediateThrowEvent ..."): that is what a modeler shows.
            var events = EventKinds(element);
            return events.Count == 1 ? $"{Readable(events[0])} {reason}" : reason;
        }

        if (kind == "sequenceFlow" || IsDiagramOnly(kind))
        {
            return null;
        }

        if (!IsSupportedNode(kind))
        {
            return $"{kind} is not a BPMN element that Qadam runs";
        }

        return LoopRefusal(element, kind) ?? EventRefusal(element, kind);
    }

    /// <summary>The event definition kinds of an event, e.g. ["timer"], from its *EventDefinition children.</summary>
    public static List<string> EventKinds(XElement element) =>
        [.. element.Elements()
            .Where(e => e.Name.Namespace == Ns && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal))
            .Select(e => e.Name.LocalName[..^"EventDefinition".Length])];

    private static string? LoopRefusal(XElement element, string kind)
    {
        if (element.Element(Ns + "standardLoopCharacteristics") is not null)
        {
            return $"{kind} has a standard loop (standardLoopCharacteristics), which is not supported: loop with a gateway";
        }

        if (element.Element(Ns + "multiInstanceLoopCharacteristics") is null)
        {
            return null;
        }

        return kind is "userTask" or "serviceTask" or "businessRuleTask" or "task" or "manualTask" or "subProcess" or "callActivity"
            ? null
            : $"{kind} is multi-instance, which Qadam runs on user, service, business-rule, manual and plain tasks, "
              + "sub-processes and call activities";
    }

    private static string? EventRefusal(XElement element, string kind)
    {
        if (element.Element(Ns + "eventDefinitionRef") is not null)
        {
            return $"{kind} refers to a shared event definition (eventDefinitionRef), which is not supported: define it inside the event";
        }

        var kinds = EventKinds(element);
        if (kinds.Count > 1)
        {
            return $"{kind} has {kinds.Count} event definitions ({string.Join(", ", kinds)}): multiple events are not supported";
        }

        var trigger = kinds.Count == 1 ? kinds[0] : "none";
        string[]? allowed = kind switch
        {
            // Error, escalation and conditional starts belong to event sub-processes; the validator says so elsewhere.
            "startEvent" => ["none", "message", "timer", "signal", "error", "escalation", "conditional"],
            "endEvent" => ["none", "error", "terminate", "message", "signal", "escalation", "compensate"],
            "intermediateCatchEvent" => ["message", "timer", "signal", "conditional", "link"],
            "intermediateThrowEvent" => ["none", "message", "signal", "escalation", "compensate", "link"],
            "boundaryEvent" => ["timer", "error", "message", "signal", "escalation", "conditional", "compensate"],
            _ => null,
        };

        if (trigger == "compensate" && kind == "startEvent")
        {
            // A compensation event sub-process (BPMN 2.0, 10.6.6) runs when its sub-process is compensated; Qadam compensates
            // an activity by the handler associated with its compensation boundary event only.
            return "a compensation start event (a compensation event sub-process) is not supported: attach a compensation boundary "
                   + "event to the activity and associate it with a handler marked isForCompensation=\"true\"";
        }

        if (trigger == "compensate" && IsFalse(element.Elements().FirstOrDefault(e => e.Name == Ns + "compensateEventDefinition")
                ?.Attribute("waitForCompletion")))
        {
            // Qadam runs the handlers one after the other and then goes on (BPMN 2.0's default, waitForCompletion="true"); a
            // file asking to go on before they ran is refused rather than run otherwise than it says.
            return $"{kind} with waitForCompletion=\"false\" is not supported: the compensation handlers run first, then the "
                   + "path goes on; remove the attribute";
        }

        if (allowed is null || allowed.Contains(trigger, StringComparer.Ordinal))
        {
            return null;
        }

        if (trigger == "cancel")
        {
            // Cancel events belong to transaction sub-processes (BPMN 2.0, 10.5.6), which Qadam refuses.
            return $"cancel {kind} is not supported: a cancel event belongs to a transaction (Camunda 7 refuses it elsewhere), "
                   + "and Qadam runs no transactions; use an error event, with compensation to undo completed steps";
        }

        return trigger == "none"
            ? $"{kind} has no event definition: it must be {string.Join(" or ", allowed)}"
            : $"{Readable(trigger)} {kind} is not supported (supported: {string.Join(", ", allowed)})";
    }

    private static string Readable(string eventKind) => eventKind == "compensate" ? "compensation" : eventKind;

    private static bool IsFalse(XAttribute? attribute) =>
        attribute is not null && string.Equals(attribute.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(XAttribute? attribute) =>
        attribute is not null && string.Equals(attribute.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
