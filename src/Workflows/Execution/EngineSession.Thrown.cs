using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

/// <summary>
/// Messages and signals thrown inside the engine reach the engine's own waiting instances in the same command (and
/// transaction) as the throw: an instance never waits for a message that was already sent.
/// </summary>
internal sealed partial class EngineSession
{
    /// <summary>A command that keeps throwing (two instances messaging each other forever) is stopped here.</summary>
    private const int MaxThrownPerCommand = 1_000;

    private int _thrown;

    /// <summary>What one delivery reached: the instances it moved and the instances it started.</summary>
    public sealed record Reach(List<Loaded> Delivered, List<Loaded> Started);

    private async Task<bool> DeliverThrownAsync(CancellationToken cancellationToken)
    {
        var thrown = new List<(Loaded Source, ThrownEvent Event)>();
        foreach (var loaded in _loaded.Values.ToList())
        {
            thrown.AddRange(Drain(loaded.Runner.Effects.Thrown).Select(e => (loaded, e)));
        }

        if (thrown.Count == 0)
        {
            return false;
        }

        foreach (var (source, thrownEvent) in thrown)
        {
            if ((_thrown += 1) > MaxThrownPerCommand)
            {
                throw new ProcessLogicException(source.Model.Id, $"more than {MaxThrownPerCommand} messages or signals thrown in one command");
            }

            await DeliverAsync(thrownEvent, source.Actor, cancellationToken);
        }

        return true;
    }

    private async Task<bool> EscalateToCallerAsync(Loaded child, CancellationToken cancellationToken)
    {
        var codes = Drain(child.Runner.Effects.EscalationsToCaller);
        if (codes.Count == 0 || child.Instance.ParentInstanceId is not { } parentId)
        {
            return false;
        }

        var parent = await LoadAsync(parentId, child.Actor, cancellationToken);
        foreach (var code in codes)
        {
            parent.Runner.EscalateFromCall(child.Instance.ParentTokenId!, code);
        }

        return true;
    }

    /// <summary>
    /// Delivers a message (to every subscription of its name and key, else to the message start events) or a signal (to every
    /// subscription of its name in its scope, and to the signal start events). The subscription rows are locked, so a
    /// concurrent delivery waits and then finds the waits it ended gone: each wait reacts once.
    /// </summary>
    public async Task<Reach> DeliverAsync(ThrownEvent thrown, Actor actor, CancellationToken cancellationToken)
    {
        // The subscriptions this command opened are rows only once written.
        await Writer.FlushAsync(cancellationToken);
        var signal = string.Equals(thrown.Kind, SubscriptionKinds.Signal, StringComparison.Ordinal);
        var subscriptions = signal
            ? await db.Subscriptions.FromSqlInterpolated($"""
                SELECT * FROM workflows.subscriptions
                WHERE event_type = {SubscriptionKinds.Signal} AND message_name = {thrown.Name}
                  AND ({thrown.Key}::text IS NULL OR correlation_key IS NULL OR correlation_key = {thrown.Key})
                ORDER BY created_at, id FOR UPDATE
                """).AsNoTracking().ToListAsync(cancellationToken)
            : await db.Subscriptions.FromSqlInterpolated($"""
                SELECT * FROM workflows.subscriptions
                WHERE event_type = {SubscriptionKinds.Message} AND message_name = {thrown.Name}
                  AND correlation_key IS NOT DISTINCT FROM {thrown.Key}
                ORDER BY created_at, id FOR UPDATE
                """).AsNoTracking().ToListAsync(cancellationToken);

        var unread = subscriptions.Select(s => s.InstanceId).Distinct().Where(id => !_loaded.ContainsKey(id)).ToArray();
        var rows = unread.Length == 0 ? [] : await CommandReader.InstancesAsync(db, unread, cancellationToken);
        var byId = rows.Where(r => r.Status == InstanceStatus.Active).ToDictionary(r => r.Id);
        var reach = new Reach([], []);
        foreach (var subscription in subscriptions)
        {
            Loaded loaded;
            if (_loaded.TryGetValue(subscription.InstanceId, out var known))
            {
                loaded = known;
            }
            else if (byId.TryGetValue(subscription.InstanceId, out var row))
            {
                loaded = await LoadAsync(row, actor, cancellationToken);
            }
            else
            {
                continue;
            }

            if (loaded.Runner.Deliver(subscription.TokenId, subscription.ElementId, thrown.Payload))
            {
                reach.Delivered.Add(loaded);
            }
        }

        if (signal || reach.Delivered.Count == 0)
        {
            await StartByEventAsync(thrown, actor, reach, cancellationToken);
        }

        return reach;
    }

    /// <summary>Starts the version in force today of each definition with a start event for this message or signal.</summary>
    private async Task StartByEventAsync(ThrownEvent thrown, Actor actor, Reach reach, CancellationToken cancellationToken)
    {
        var signal = string.Equals(thrown.Kind, SubscriptionKinds.Signal, StringComparison.Ordinal);
        var published = db.Definitions.AsNoTracking().Where(d => d.Status == DefinitionStatus.Published);
        var keys = await (signal ? published.Where(d => d.StartSignals.Contains(thrown.Name)) : published.Where(d => d.StartMessages.Contains(thrown.Name)))
            .Select(d => d.Key).Distinct().ToListAsync(cancellationToken);
        var today = KazakhstanClock.DateOf(Now);
        foreach (var key in keys)
        {
            var version = await InForceAsync(key, today, cancellationToken);
            var start = version?.Model.Root.StartEvents.FirstOrDefault(s => s.Trigger switch
            {
                SignalTrigger t => signal && string.Equals(t.SignalName, thrown.Name, StringComparison.Ordinal),
                MessageTrigger m => !signal && string.Equals(m.MessageName, thrown.Name, StringComparison.Ordinal),
                _ => false,
            });
            if (version is null || start is null)
            {
                continue;
            }

            var loaded = Create(version, today, thrown.Key, (JsonObject)thrown.Payload.DeepClone(), actor);
            loaded.Runner.Start(start);
            reach.Started.Add(loaded);
        }
    }
}
