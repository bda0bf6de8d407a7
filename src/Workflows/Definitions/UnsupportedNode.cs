using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// Stands in the graph for an element that is refused, so that flows through it still link and the
/// elements after it are not reported as unreachable too: one problem per offending element. A model
/// holding one is never handed out (see <see cref="BpmnParseResult.Model"/>).
/// </summary>
internal sealed class UnsupportedNode(string id, string? name, string bpmnType) : FlowNode(id, name, QadamAttributes.None)
{
    public override string Kind { get; } = bpmnType;

    /// <summary>For a refused boundary event: its activity, so what follows it counts as reachable.</summary>
    public FlowNode? AttachedTo { get; set; }
}
