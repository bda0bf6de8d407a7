using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>
/// What one command did to one instance besides moving its tokens: the rows to insert and the wait
/// objects to drop. The engine writes them in the command's transaction.
/// </summary>
internal sealed class ExecutionEffects
{
    public List<ProcessTask> NewTasks { get; } = [];

    public List<ProcessTimer> NewTimers { get; } = [];

    public List<MessageSubscription> NewSubscriptions { get; } = [];

    public List<ProcessJob> NewJobs { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Tokens that left a wait state or were cancelled: their tasks, timers, subscriptions, jobs and called instances go.</summary>
    public HashSet<string> EndedTokens { get; } = new(StringComparer.Ordinal);

    /// <summary>Messages and signals thrown: delivered to this engine's waiting instances before the command ends.</summary>
    public List<ThrownEvent> Thrown { get; } = [];

    /// <summary>Call activities entered: start a child instance for each.</summary>
    public List<(string TokenId, CallActivity Node)> ChildStarts { get; } = [];

    /// <summary>An error end event at process level with a parent: throw it to the parent's call activity.</summary>
    public string? ErrorToParent { get; set; }

    public bool ErrorThrownToParent { get; set; }

    /// <summary>Variables to hand back to the parent when this instance completes.</summary>
    public JsonObject? CompletedVariables { get; set; }
}

/// <summary>A message or signal an instance threw, with the key or scope it was thrown with and the variables it carries.</summary>
/// <param name="Kind"><see cref="SubscriptionKinds.Message"/> or <see cref="SubscriptionKinds.Signal"/>.</param>
/// <param name="Name">Message or signal name.</param>
/// <param name="Key">Correlation key (message) or scope (signal); null for none.</param>
/// <param name="Payload">Variables sent along.</param>
internal sealed record ThrownEvent(string Kind, string Name, string? Key, JsonObject Payload);
