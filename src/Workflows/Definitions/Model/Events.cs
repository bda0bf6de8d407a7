namespace Qadam.Workflows.Definitions.Model;

/// <summary>A start event: none, message or timer.</summary>
public sealed class StartEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>What starts the process here.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <inheritdoc />
    public override string Kind => "startEvent";
}

/// <summary>An end event: none, error or terminate.</summary>
public sealed class EndEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>What the end throws: <see cref="NoneTrigger"/>, <see cref="ErrorTrigger"/> or <see cref="TerminateTrigger"/>.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <inheritdoc />
    public override string Kind => "endEvent";
}

/// <summary>An intermediate catch event: waits for a timer or a message.</summary>
public sealed class IntermediateCatchEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger)
    : FlowNode(id, name, extension)
{
    /// <summary>A <see cref="TimerTrigger"/> or a <see cref="MessageTrigger"/>.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <inheritdoc />
    public override string Kind => "intermediateCatchEvent";
}

/// <summary>A boundary event on an activity: a timer (deadline, escalation) or an error.</summary>
public sealed class BoundaryEvent(string id, string? name, QadamAttributes extension, EventTrigger trigger, bool cancelActivity)
    : FlowNode(id, name, extension)
{
    /// <summary>A <see cref="TimerTrigger"/> or an <see cref="ErrorTrigger"/>.</summary>
    public EventTrigger Trigger { get; } = trigger;

    /// <summary>True (the BPMN default) when firing ends the activity; false for a non-interrupting timer.</summary>
    public bool CancelActivity { get; } = cancelActivity;

    /// <summary>The activity this event is attached to.</summary>
    public FlowNode AttachedTo { get; internal set; } = null!;

    /// <inheritdoc />
    public override string Kind => "boundaryEvent";
}
