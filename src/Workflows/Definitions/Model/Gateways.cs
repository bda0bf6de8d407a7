namespace Qadam.Workflows.Definitions.Model;

/// <summary>Takes the first outgoing flow whose condition holds, else the default flow.</summary>
public sealed class ExclusiveGateway(string id, string? name, QadamAttributes extension) : FlowNode(id, name, extension)
{
    /// <summary>The default flow, taken when no condition holds.</summary>
    public SequenceFlow? Default { get; internal set; }

    /// <inheritdoc />
    public override string Kind => "exclusiveGateway";
}

/// <summary>Splits into every outgoing flow; joins by waiting for every incoming flow.</summary>
public sealed class ParallelGateway(string id, string? name, QadamAttributes extension) : FlowNode(id, name, extension)
{
    /// <inheritdoc />
    public override string Kind => "parallelGateway";
}

/// <summary>Takes every outgoing flow whose condition holds (else the default); joins the flows that can still arrive.</summary>
public sealed class InclusiveGateway(string id, string? name, QadamAttributes extension) : FlowNode(id, name, extension)
{
    /// <summary>The default flow, taken when no condition holds.</summary>
    public SequenceFlow? Default { get; internal set; }

    /// <inheritdoc />
    public override string Kind => "inclusiveGateway";
}

/// <summary>
/// Waits for the first of the catch events (or receive tasks) its flows lead to; the others are withdrawn
/// (BPMN 2.0, 13.4.5: "the first one triggered wins").
/// </summary>
public sealed class EventBasedGateway(string id, string? name, QadamAttributes extension) : FlowNode(id, name, extension)
{
    /// <inheritdoc />
    public override string Kind => "eventBasedGateway";
}
