namespace Qadam.Workflows.Definitions.Model;

/// <summary>Anything in a process with an id: a node or a sequence flow.</summary>
public abstract class FlowElement
{
    /// <summary>Creates an element with its BPMN id and name.</summary>
    protected FlowElement(string id, string? name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The BPMN id, unique in the file.</summary>
    public string Id { get; }

    /// <summary>The BPMN name (the label a modeler shows).</summary>
    public string? Name { get; }

    /// <summary>The scope (process or sub-process) that holds this element.</summary>
    public FlowScope Scope { get; internal set; } = null!;
}

/// <summary>A node of the graph: event, activity or gateway.</summary>
public abstract class FlowNode : FlowElement
{
    /// <summary>Creates a node.</summary>
    protected FlowNode(string id, string? name, QadamAttributes extension)
        : base(id, name)
    {
        Extension = extension;
    }

    /// <summary>Our extension attributes (roles, form, template, legal basis, deadline, labels).</summary>
    public QadamAttributes Extension { get; }

    /// <summary>Sequence flows that lead into this node.</summary>
    public List<SequenceFlow> Incoming { get; } = [];

    /// <summary>Sequence flows that leave this node.</summary>
    public List<SequenceFlow> Outgoing { get; } = [];

    /// <summary>Boundary events attached to this node (activities only).</summary>
    public List<BoundaryEvent> Boundaries { get; } = [];

    /// <summary>A compensation handler (isForCompensation): run only to undo the activity whose compensation boundary names it.</summary>
    public bool IsForCompensation { get; internal set; }

    /// <summary>A short name of the element type for messages, e.g. "userTask".</summary>
    public abstract string Kind { get; }
}

/// <summary>A sequence flow between two nodes, with an optional condition (a JavaScript expression).</summary>
public sealed class SequenceFlow : FlowElement
{
    internal SequenceFlow(string id, string? name, FlowNode source, FlowNode target, string? condition)
        : base(id, name)
    {
        Source = source;
        Target = target;
        Condition = condition;
    }

    /// <summary>Where the flow starts.</summary>
    public FlowNode Source { get; }

    /// <summary>Where the flow leads.</summary>
    public FlowNode Target { get; }

    /// <summary>The condition expression, or null for an unconditional flow.</summary>
    public string? Condition { get; }

    /// <summary>True when the source gateway names this flow as its default.</summary>
    public bool IsDefault { get; internal set; }
}
