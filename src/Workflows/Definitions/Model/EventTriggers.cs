namespace Qadam.Workflows.Definitions.Model;

/// <summary>What an event waits for or throws.</summary>
public abstract record EventTrigger;

/// <summary>No trigger: a plain start or end.</summary>
public sealed record NoneTrigger : EventTrigger
{
    /// <summary>The one instance.</summary>
    public static readonly NoneTrigger Instance = new();
}

/// <summary>A named message, correlated by a key expression evaluated when the subscription opens.</summary>
/// <param name="MessageName">The message name (from bpmn:message name).</param>
/// <param name="CorrelationKey">Expression giving the correlation key (qadam:correlationKey), or null for none.</param>
public sealed record MessageTrigger(string MessageName, string? CorrelationKey) : EventTrigger
{
    /// <summary>For a throw (send task, message throw or end event): variables sent with the message (qadam:payload); null sends none.</summary>
    public IReadOnlyList<string>? Payload { get; init; }
}

/// <summary>A timer.</summary>
/// <param name="Kind">Date, duration or cycle.</param>
/// <param name="Value">ISO 8601 text, or an expression after "=".</param>
public sealed record TimerTrigger(TimerKind Kind, string Value) : EventTrigger;

/// <summary>A BPMN error; a null code catches any error.</summary>
/// <param name="ErrorCode">The error code (from bpmn:error errorCode).</param>
public sealed record ErrorTrigger(string? ErrorCode) : EventTrigger;

/// <summary>Ends every token of the instance (terminate end event).</summary>
public sealed record TerminateTrigger : EventTrigger
{
    /// <summary>The one instance.</summary>
    public static readonly TerminateTrigger Instance = new();
}

/// <summary>The three forms of a BPMN timer definition.</summary>
public enum TimerKind
{
    /// <summary>bpmn:timeDate: fires at a date-time.</summary>
    Date,

    /// <summary>bpmn:timeDuration: fires after a duration from when the timer starts.</summary>
    Duration,

    /// <summary>bpmn:timeCycle: repeats (R[n]/duration), for timer start events.</summary>
    Cycle,
}

/// <summary>
/// A named signal, broadcast to every subscription of that name (BPMN 2.0, 10.5.5: a signal has no single target).
/// </summary>
/// <param name="SignalName">The signal name (from bpmn:signal name).</param>
/// <param name="Scope">
/// Expression giving the scope a catch waits in, or a throw broadcasts to (qadam:correlationKey), e.g. the emergency order's id;
/// null: a catch hears every broadcast of the name, a throw reaches every subscription.
/// </param>
public sealed record SignalTrigger(string SignalName, string? Scope) : EventTrigger
{
    /// <summary>For a throw: variables sent with the signal (qadam:payload); null sends none.</summary>
    public IReadOnlyList<string>? Payload { get; init; }
}

/// <summary>A BPMN escalation: thrown to the enclosing scopes, caught by a boundary or an event sub-process; a null code catches any.</summary>
/// <param name="EscalationCode">The escalation code (from bpmn:escalation escalationCode).</param>
public sealed record EscalationTrigger(string? EscalationCode) : EventTrigger;

/// <summary>A condition over the variables, evaluated when the event begins to wait and whenever variables change.</summary>
/// <param name="Condition">A JavaScript expression.</param>
public sealed record ConditionalTrigger(string Condition) : EventTrigger;

/// <summary>A link: a throw jumps to the catch of the same name in the same scope (a "go to" that keeps a diagram readable).</summary>
/// <param name="LinkName">The link name.</param>
public sealed record LinkTrigger(string LinkName) : EventTrigger;

/// <summary>Compensation: a throw undoes completed activities of its scope (all, or <paramref name="ActivityRef"/>), newest first.</summary>
/// <param name="ActivityRef">The one activity to compensate, or null for every completed one.</param>
public sealed record CompensateTrigger(string? ActivityRef) : EventTrigger;
