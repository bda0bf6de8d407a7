namespace Qadam.Workflows.Definitions.Model;

/// <summary>A start event: none, message or timer.</summary>
public sealed class StartEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>What starts the process here.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <summary>
    /// For the start of an event sub-process: true (the BPMN default) when it cancels the rest of its scope, false when it
    /// runs beside it.
    /// </summary>
    public bool IsInterrupting { get; init; } = true;

    /// <inheritdoc />
    public override string Kind => "startEvent";
}

/// <summary>An end event: none, error, terminate, message, signal, escalation or compensation.</summary>
public sealed class EndEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>What the end throws: <see cref="NoneTrigger"/>, <see cref="ErrorTrigger"/> or <see cref="TerminateTrigger"/>.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <inheritdoc />
    public override string Kind => "endEvent";
}

/// <summary>An intermediate catch event: waits for a timer, a message, a signal or a condition, or catches a link.</summary>
public sealed class IntermediateCatchEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>A <see cref="TimerTrigger"/> or a <see cref="MessageTrigger"/>.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <inheritdoc />
    public override string Kind => "intermediateCatchEvent";
}

/// <summary>A boundary event on an activity: timer, error, message, signal, escalation, condition or compensation.</summary>
public sealed class BoundaryEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger, bool cancelActivity)
    : FlowNode(id, name, extension)
{
    /// <summary>A <see cref="TimerTrigger"/> or an <see cref="ErrorTrigger"/>.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <summary>True (the BPMN default) when firing ends the activity; false for a non-interrupting timer.</summary>
    public bool CancelActivity { get; } = cancelActivity;

    /// <summary>The activity this event is attached to.</summary>
    public FlowNode AttachedTo { get; internal set; } = null!;

    /// <summary>For a compensation boundary: the activity (isForCompensation) its association leads to.</summary>
    public FlowNode? CompensationHandler { get; internal set; }

    /// <inheritdoc />
    public override string Kind => "boundaryEvent";
}

/// <summary>An intermediate throw event: sends a message, broadcasts a signal, escalates, compensates or jumps by a link.</summary>
public sealed class IntermediateThrowEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>What it throws.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <inheritdoc />
    public override string Kind => "intermediateThrowEvent";
}
