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
    };

    // Documentation and diagram content: lanes only colour who does what (candidate roles decide),
    // data objects and annotations only explain; none of them changes how a token moves.
    private static readonly HashSet<string> DiagramOnly = new(StringComparer.Ordinal)
    {
        "laneSet", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "documentation", "extensionElements", "ioSpecification", "property",
        "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing", "auditing", "monitoring",
        "resourceRole", "performer", "humanPerformer", "potentialOwner", "category", "categoryValue",
    };

    private static readonly Dictionary<string, string> RefusedTypes = new(StringComparer.Ordinal)
    {
        ["task"] = "task has no type: use userTask, serviceTask or businessRuleTask",
        ["manualTask"] = "manualTask is not supported: use a userTask so someone completes it",
        ["scriptTask"] = "scriptTask is not supported: scripts do not run in Qadam; use a serviceTask or a businessRuleTask",
        ["complexGateway"] = "complexGateway is not supported: use exclusive, parallel or inclusive gateways",
        ["transaction"] = "transaction is not supported: Qadam has no cancel events; use a subProcess (compensation runs in it)",
        ["adHocSubProcess"] = "adHocSubProcess is not supported: model the order of steps with gateways",
        ["implicitThrowEvent"] = "implicitThrowEvent is not supported",
        ["callChoreography"] = "callChoreography is not supported",
        ["choreographyTask"] = "choreographyTask is not supported",
        ["subChoreography"] = "subChoreography is not supported",
    };

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

        if (element.Element(Ns + "multiInstanceLoopCharacteristics") is not { } loop)
        {
            return null;
        }

        if (kind != "userTask")
        {
            return $"{kind} is multi-instance, which is supported on user tasks only";
        }

        return IsTrue(loop.Attribute("isSequential"))
            ? "userTask is sequential multi-instance, which is not supported: only parallel multi-instance user tasks run"
            : null;
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

        if (allowed is null || allowed.Contains(trigger, StringComparer.Ordinal))
        {
            return null;
        }

        return trigger == "none"
            ? $"{kind} has no event definition: it must be {string.Join(" or ", allowed)}"
            : $"{Readable(trigger)} {kind} is not supported (supported: {string.Join(", ", allowed)})";
    }

    private static string Readable(string eventKind) => eventKind == "compensate" ? "compensation" : eventKind;

    private static bool IsTrue(XAttribute? attribute) =>
        attribute is not null && string.Equals(attribute.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
