using System.Text.Json.Nodes;

namespace Qadam.Workflows.Execution;

public sealed partial class ProcessEngine
{
    /// <summary>
    /// Broadcasts a signal (BPMN 2.0, 10.5.5) in one command: every catch event, boundary, event-based gateway branch and
    /// event sub-process waiting for <see cref="BroadcastSignal.SignalName"/> reacts once, and every definition with a
    /// signal start event starts. With a scope (e.g. the emergency order's id) only the waits subscribed in that scope, and
    /// those that listen in none, hear it. Returns each instance reached or started.
    /// </summary>
    public Task<IReadOnlyList<CommandResult>> BroadcastSignalAsync(BroadcastSignal command, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command.SignalName);
        return RunAsync<IReadOnlyList<CommandResult>>("signal", command.IdempotencyKey, async session =>
        {
            var reach = await session.DeliverAsync(
                new ThrownEvent(SubscriptionKinds.Signal, command.SignalName, command.Scope, command.Variables ?? []), command.Actor,
                cancellationToken);
            await session.SettleAsync(cancellationToken);
            return [.. reach.Delivered.Concat(reach.Started).DistinctBy(l => l.Instance.Id).Select(session.Result)];
        }, cancellationToken);
    }
}

/// <summary>Broadcast a signal to every instance waiting for it (and start those that begin with it).</summary>
/// <param name="SignalName">The signal name (bpmn:signal name).</param>
/// <param name="Actor">Who broadcasts it.</param>
/// <param name="Scope">Only waits subscribed with this scope (their qadam:correlationKey), and unscoped ones, hear it; null: all.</param>
/// <param name="Variables">Payload merged into each instance's variables.</param>
/// <param name="IdempotencyKey">Replaying a key returns the first result.</param>
public sealed record BroadcastSignal(
    string SignalName, Actor Actor, string? Scope = null, JsonObject? Variables = null, string? IdempotencyKey = null);
