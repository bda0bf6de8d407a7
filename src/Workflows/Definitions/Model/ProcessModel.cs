namespace Qadam.Workflows.Definitions.Model;

/// <summary>
/// One executable BPMN process, parsed and linked: every node knows its flows, its parent
/// sub-process and its boundary events. Immutable once the parser hands it over.
/// </summary>
public sealed class ProcessModel
{
    internal ProcessModel(string id, string? name, FlowScope root, IReadOnlyDictionary<string, FlowElement> elements)
    {
        Id = id;
        Name = name;
        Root = root;
        Elements = elements;
    }

    /// <summary>The BPMN process id.</summary>
    public string Id { get; }

    /// <summary>The BPMN process name, if any.</summary>
    public string? Name { get; }

    /// <summary>The legal act the whole procedure carries out (qadam:legalBasis on the process), if cited.</summary>
    public LegalBasis? LegalBasis { get; internal set; }

    /// <summary>The top-level scope: nodes and flows directly under the process.</summary>
    public FlowScope Root { get; }

    /// <summary>Every node and sequence flow of the process, nested ones included, by id.</summary>
    public IReadOnlyDictionary<string, FlowElement> Elements { get; }

    /// <summary>The node with this id, or an exception naming it.</summary>
    public FlowNode Node(string id) =>
        Elements.TryGetValue(id, out var element) && element is FlowNode node
            ? node
            : throw new KeyNotFoundException($"Process '{Id}' has no flow node '{id}'.");

    /// <summary>All flow nodes, nested ones included.</summary>
    public IEnumerable<FlowNode> Nodes => Elements.Values.OfType<FlowNode>();
}

/// <summary>A container of nodes and flows: the process itself or an embedded sub-process.</summary>
public sealed class FlowScope
{
    internal FlowScope(SubProcess? owner)
    {
        Owner = owner;
    }

    /// <summary>The sub-process that owns this scope; null for the process level.</summary>
    public SubProcess? Owner { get; }

    /// <summary>Nodes directly in this scope.</summary>
    public List<FlowNode> Nodes { get; } = [];

    /// <summary>Sequence flows directly in this scope.</summary>
    public List<SequenceFlow> Flows { get; } = [];

    /// <summary>Start events of this scope.</summary>
    public IEnumerable<StartEvent> StartEvents => Nodes.OfType<StartEvent>();

    /// <summary>The event sub-processes of this scope (triggeredByEvent), started by their start events while the scope is active.</summary>
    public IEnumerable<SubProcess> EventSubProcesses => Nodes.OfType<SubProcess>().Where(s => s.TriggeredByEvent);

    /// <summary>The none start event that an instance (or an entered sub-process) begins at, if any.</summary>
    public StartEvent? NoneStart => StartEvents.FirstOrDefault(s => s.Trigger is NoneTrigger);
}
