using System.Text.Json.Nodes;

namespace Qadam.Workflows.Execution;

/// <summary>
/// A timer due at <see cref="DueAt"/>: an intermediate timer, a boundary timer (deadline) or a timer
/// start event. Claimed by a worker with FOR UPDATE SKIP LOCKED and deleted in the transaction that
/// fires it, so two nodes fire it exactly once.
/// </summary>
public sealed class ProcessTimer
{
    /// <summary>Timer id.</summary>
    public Guid Id { get; init; }

    /// <summary>Instance it belongs to; null for a timer start event.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>For a start timer: the definition version to start.</summary>
    public Guid? DefinitionId { get; init; }

    /// <summary>The token it wakes (the activity's token for a boundary timer).</summary>
    public string? TokenId { get; init; }

    /// <summary>The timer event's BPMN id.</summary>
    public string ElementId { get; init; } = string.Empty;

    /// <summary>When it fires.</summary>
    public DateTimeOffset DueAt { get; init; }

    /// <summary>Repetitions left for a cycle (null: not a cycle; -1: unbounded).</summary>
    public int? RepeatsLeft { get; init; }
}

/// <summary>The kinds of <see cref="MessageSubscription.EventType"/>.</summary>
public static class SubscriptionKinds
{
    /// <summary>A message, correlated by name and key.</summary>
    public const string Message = "message";

    /// <summary>A signal, broadcast by name (and scope).</summary>
    public const string Signal = "signal";
}

/// <summary>A token (or an event sub-process's start) waiting for a message or a signal with this name and key.</summary>
public sealed class MessageSubscription
{
    /// <summary>Subscription id.</summary>
    public Guid Id { get; init; }

    /// <summary>Instance.</summary>
    public Guid InstanceId { get; init; }

    /// <summary>The waiting token.</summary>
    public string TokenId { get; init; } = string.Empty;

    /// <summary>The catch event's BPMN id.</summary>
    public string ElementId { get; init; } = string.Empty;

    /// <summary>Message name.</summary>
    public string MessageName { get; init; } = string.Empty;

    /// <summary>Correlation key (evaluated when the subscription opened), or null.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>
    /// What is awaited under <see cref="MessageName"/>: <see cref="SubscriptionKinds.Message"/> (one correlation) or
    /// <see cref="SubscriptionKinds.Signal"/> (a broadcast, whose key is the scope the catch listens in).
    /// </summary>
    public string EventType { get; init; } = SubscriptionKinds.Message;

    /// <summary>When it opened.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// A service task waiting to run its activity. Jobs run in their own transaction after the command
/// that created them, with bounded retries and back-off; when retries run out the job becomes an incident.
/// </summary>
public sealed class ProcessJob
{
    /// <summary>Job id.</summary>
    public Guid Id { get; init; }

    /// <summary>Instance.</summary>
    public Guid InstanceId { get; init; }

    /// <summary>The token at the service task.</summary>
    public string TokenId { get; init; } = string.Empty;

    /// <summary>The service task's BPMN id.</summary>
    public string ElementId { get; init; } = string.Empty;

    /// <summary>The registered activity name.</summary>
    public string Activity { get; init; } = string.Empty;

    /// <summary>Earliest time of the next attempt.</summary>
    public DateTimeOffset DueAt { get; internal set; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; internal set; }

    /// <summary>The last failure's message.</summary>
    public string? LastError { get; internal set; }

    /// <summary>True once retries ran out: the job waits for an operator (see <see cref="Incident"/>).</summary>
    public bool Stalled { get; internal set; }
}

/// <summary>A service task that kept failing: shown on the instance, retried or skipped by an operator.</summary>
public sealed class Incident
{
    /// <summary>Incident id.</summary>
    public Guid Id { get; init; }

    /// <summary>Instance.</summary>
    public Guid InstanceId { get; init; }

    /// <summary>The stalled job.</summary>
    public Guid JobId { get; init; }

    /// <summary>The service task's BPMN id.</summary>
    public string ElementId { get; init; } = string.Empty;

    /// <summary>The last error.</summary>
    public string Error { get; init; } = string.Empty;

    /// <summary>When it was raised.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When an operator resolved it.</summary>
    public DateTimeOffset? ResolvedAt { get; internal set; }

    /// <summary>"retried" or "skipped", and by whom.</summary>
    public string? Resolution { get; internal set; }
}

/// <summary>One line of the execution journal: an element entered or left, a task completed … with time, actor and version.</summary>
public sealed class JournalEntry
{
    /// <summary>Sequence number.</summary>
    public long Id { get; init; }

    /// <summary>Instance.</summary>
    public Guid InstanceId { get; init; }

    /// <summary>Definition key.</summary>
    public string DefinitionKey { get; init; } = string.Empty;

    /// <summary>Definition version in force for the instance at that moment.</summary>
    public int DefinitionVersion { get; init; }

    /// <summary>The element, or null for instance-level events.</summary>
    public string? ElementId { get; init; }

    /// <summary>What happened: started, entered, left, task-created, task-completed, timer-fired, message, cancelled, migrated, completed …</summary>
    public string Event { get; init; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Who: a user id, or "engine" for timers and jobs.</summary>
    public string Actor { get; init; } = string.Empty;

    /// <summary>The token concerned.</summary>
    public string? TokenId { get; init; }

    /// <summary>Details (task output, error, mapping …).</summary>
    public JsonObject? Data { get; init; }
}

/// <summary>A side effect leaving the process (notification, e-mail, webhook), written in the command's transaction.</summary>
public sealed class OutboxMessage
{
    /// <summary>Sequence number.</summary>
    public long Id { get; init; }

    /// <summary>What kind of message, e.g. "notify-parent".</summary>
    public string Topic { get; init; } = string.Empty;

    /// <summary>The instance that produced it.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>Payload.</summary>
    public JsonObject Payload { get; init; } = [];

    /// <summary>When written.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Earliest next delivery attempt.</summary>
    public DateTimeOffset DueAt { get; internal set; }

    /// <summary>When delivered.</summary>
    public DateTimeOffset? ProcessedAt { get; internal set; }

    /// <summary>Delivery attempts.</summary>
    public int Attempts { get; internal set; }

    /// <summary>Last delivery error.</summary>
    public string? LastError { get; internal set; }
}

/// <summary>The first result of a command, kept under its idempotency key so a replay returns it unchanged.</summary>
public sealed class CommandRecord
{
    /// <summary>The caller's idempotency key.</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>Which command.</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>The result, serialised.</summary>
    public string ResultJson { get; init; } = string.Empty;

    /// <summary>When it ran.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
