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
public sealed record MessageTrigger(string MessageName, string? CorrelationKey) : EventTrigger;

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
