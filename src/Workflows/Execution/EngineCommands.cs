using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

/// <summary>Who issues a command: a user id with the role and organisation they act in, or the engine itself.</summary>
/// <param name="Id">User id (or "engine").</param>
/// <param name="Role">The role acted in.</param>
/// <param name="Organisation">The organisation acted for.</param>
public sealed record Actor(string Id, string? Role = null, string? Organisation = null)
{
    /// <summary>The engine's own actor (timers, jobs).</summary>
    public static readonly Actor Engine = new("engine");
}

/// <summary>Start an instance of the version of <paramref name="DefinitionKey"/> in force on <paramref name="ReferenceDate"/>.</summary>
/// <param name="DefinitionKey">The definition key.</param>
/// <param name="ReferenceDate">The filing date; it chooses the version.</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="Variables">Initial variables.</param>
/// <param name="BusinessKey">The caller's key (case id).</param>
/// <param name="IdempotencyKey">Replaying a key returns the first result.</param>
public sealed record StartProcess(
    string DefinitionKey, DateOnly ReferenceDate, Actor Actor, JsonObject? Variables = null, string? BusinessKey = null, string? IdempotencyKey = null);

/// <summary>Complete a user task with form data.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Actor">Who completes it.</param>
/// <param name="Output">Form data, merged into the variables (or collected, for a multi-instance task).</param>
/// <param name="IdempotencyKey">Replaying a key returns the first result.</param>
public sealed record CompleteTask(Guid TaskId, Actor Actor, JsonObject? Output = null, string? IdempotencyKey = null);

/// <summary>Deliver a message to the instances waiting for it (or start one at a message start event).</summary>
/// <param name="MessageName">The message name.</param>
/// <param name="CorrelationKey">The key the waiting instances subscribed with; null matches subscriptions without a key.</param>
/// <param name="Actor">Who sends it.</param>
/// <param name="Variables">Payload merged into the variables.</param>
/// <param name="ReferenceDate">For a message start: the date that chooses the version (today in Kazakhstan if null).</param>
/// <param name="IdempotencyKey">Replaying a key returns the first result.</param>
public sealed record CorrelateMessage(
    string MessageName, string? CorrelationKey, Actor Actor, JsonObject? Variables = null, DateOnly? ReferenceDate = null, string? IdempotencyKey = null);

/// <summary>
/// What a command left behind, all a host needs to follow it without reading the engine's tables: the instance, how it
/// stands, where it waits, the tasks it opened and closed, the outcome it declares and the variables the host may read.
/// </summary>
/// <param name="InstanceId">The instance acted on.</param>
/// <param name="DefinitionKey">Its definition key.</param>
/// <param name="DefinitionVersion">The version it runs.</param>
/// <param name="Status">Active or how it ended.</param>
/// <param name="WaitingAt">Element ids where tokens wait.</param>
/// <param name="OpenedTasks">User tasks opened by the command.</param>
public sealed record CommandResult(
    Guid InstanceId, string DefinitionKey, int DefinitionVersion, InstanceStatus Status, IReadOnlyList<string> WaitingAt, IReadOnlyList<Guid> OpenedTasks)
{
    /// <summary>The variable <c>caseStatus</c> when the process set it (set-case-status steps), else null.</summary>
    public string? CaseStatus { get; init; }

    /// <summary>The last element the command's journal saw for the instance: for a completed instance, the end event it reached.</summary>
    public string? LastElementId { get; init; }

    /// <summary>
    /// The outcome the process declares: <see cref="CaseStatus"/> when set, else, once the instance completed, the id of the
    /// end event it reached; null while it runs without a declared status.
    /// </summary>
    [JsonIgnore]
    public string? Outcome => CaseStatus ?? (Status == InstanceStatus.Completed ? LastElementId : null);

    /// <summary>The act and edition of the version the command bound (a start); null for commands on a running instance.</summary>
    public LegalBasis? LegalBasis { get; init; }

    /// <summary>User tasks the command completed or withdrew (those of tokens it ended that it held in hand).</summary>
    public IReadOnlyList<Guid> ClosedTasks { get; init; } = [];

    /// <summary>
    /// A copy of the instance's process-level variables after the command (not kept for a replay: null then). The host reads
    /// them here; the instance's stored state is the engine's own.
    /// </summary>
    [JsonIgnore]
    public JsonObject? Variables { get; init; }

    /// <summary>The command's key had run before: this is the first run's result, and nothing happened now.</summary>
    [JsonIgnore]
    public bool Replayed { get; init; }

    /// <summary>
    /// A replay equals the first result: equality leaves out <see cref="Replayed"/> and the copy of the variables (not kept
    /// for a replay), and compares the closed tasks by content. The lists of the constructor compare as records do.
    /// </summary>
    public bool Equals(CommandResult? other) =>
        other is not null && InstanceId == other.InstanceId && string.Equals(DefinitionKey, other.DefinitionKey, StringComparison.Ordinal)
        && DefinitionVersion == other.DefinitionVersion && Status == other.Status && Equals(WaitingAt, other.WaitingAt)
        && Equals(OpenedTasks, other.OpenedTasks) && string.Equals(CaseStatus, other.CaseStatus, StringComparison.Ordinal)
        && string.Equals(LastElementId, other.LastElementId, StringComparison.Ordinal) && Equals(LegalBasis, other.LegalBasis)
        && ClosedTasks.SequenceEqual(other.ClosedTasks);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(InstanceId, DefinitionKey, DefinitionVersion, Status, CaseStatus, LastElementId);
}
