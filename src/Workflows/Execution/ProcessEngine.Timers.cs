using Microsoft.EntityFrameworkCore;
using Qadam.Identifiers;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

public sealed partial class ProcessEngine
{
    /// <summary>
    /// Fires timers that are due, each in its own transaction, claimed with FOR UPDATE SKIP LOCKED so
    /// that several engine hosts on one database fire each timer exactly once. Timers that fell due
    /// while every host was down fire on the first call. Returns how many fired.
    /// </summary>
    public async Task<int> FireDueTimersAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var fired = 0;
        while (fired < max && await FireNextTimerAsync(cancellationToken))
        {
            fired++;
        }

        return fired;
    }

    private async Task<bool> FireNextTimerAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var timer = await db.Timers
            .FromSqlInterpolated($"SELECT * FROM workflows.timers WHERE due_at <= {now} ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
            .SingleOrDefaultAsync(cancellationToken);
        if (timer is null)
        {
            return false;
        }

        if (timer.InstanceId is { } busy && !await CommandReader.TryLockInstanceAsync(db, busy, cancellationToken))
        {
            // A user's command holds the instance: the timer stays and fires on the next pass.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            return false;
        }

        using var span = EngineTelemetry.TimerFired(timer.ElementId, now - timer.DueAt);
        try
        {
            var session = new EngineSession(this, db, now);
            // Deleted with SQL, not through the change tracker: the firing itself may already drop it (its token moves on).
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM workflows.timers WHERE id = {timer.Id}", cancellationToken);
            db.Entry(timer).State = EntityState.Detached;
            var fired = await FireAsync(session, timer, cancellationToken);
            await session.SettleAsync(cancellationToken);
            if (fired is not null)
            {
                await ObserveAsync(session, "timer-fired", fired.Instance, fired.Model, timer.ElementId, null, cancellationToken);
            }

            await SaveAsync(session, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException or ConcurrencyConflictException)
        {
            // A user's command changed the instance at the same moment; the timer stays and fires on the next pass.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (EngineException ex)
        {
            // The process cannot go on from this timer (e.g. a condition throws): keep the instance as it was,
            // drop the timer and journal why, so the worker does not spin on it.
            db.ChangeTracker.Clear();
            await transaction.RollbackAsync(CancellationToken.None);
            await RecordTimerFailureAsync(timer, ex, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>Fires one timer; returns the instance it moved (or started), or null when it had nothing left to do.</summary>
    private async Task<EngineSession.Loaded?> FireAsync(EngineSession session, ProcessTimer timer, CancellationToken cancellationToken)
    {
        if (timer.InstanceId is not { } instanceId)
        {
            return await StartOnTimerAsync(session, timer, cancellationToken);
        }

        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null || instance.Status != InstanceStatus.Active)
        {
            return null;
        }

        var loaded = await session.LoadAsync(instanceId, Actor.Engine, cancellationToken);
        if (!loaded.Model.Elements.TryGetValue(timer.ElementId, out var node))
        {
            // The instance migrated to a version without this timer: nothing waits for it any more.
            return null;
        }

        switch (node)
        {
            case BoundaryEvent boundary:
                if (loaded.Runner.FireBoundary(boundary, timer.TokenId!) && !boundary.CancelActivity
                    && timer.RepeatsLeft is { } repeats && repeats != 0 && boundary.Trigger is TimerTrigger trigger)
                {
                    // A non-interrupting cycle (a reminder every day) arms its next repetition.
                    var period = TimerCycle.Parse(trigger.Value).Period;
                    session.Writer.Add(new ProcessTimer
                    {
                        Id = Guid.CreateVersion7(session.Now), InstanceId = instanceId, TokenId = timer.TokenId, ElementId = timer.ElementId,
                        DueAt = period.After(timer.DueAt), RepeatsLeft = repeats < 0 ? -1 : repeats - 1,
                    });
                }

                break;
            case IntermediateCatchEvent:
                // A token at the catch event, or at an event-based gateway where this timer races other events.
                loaded.Runner.Deliver(timer.TokenId!, timer.ElementId, null);
                break;
            case StartEvent { Trigger: TimerTrigger cycle } start:
                // The start of an event sub-process; a non-interrupting cycle (a reminder every day) arms its next turn.
                if (loaded.Runner.Deliver(timer.TokenId!, timer.ElementId, null) && !start.IsInterrupting
                    && timer.RepeatsLeft is { } left && left != 0 && loaded.Runner.IsListening(timer.TokenId!))
                {
                    session.Writer.Add(new ProcessTimer
                    {
                        Id = Guid.CreateVersion7(session.Now), InstanceId = instanceId, TokenId = timer.TokenId, ElementId = timer.ElementId,
                        DueAt = TimerCycle.Parse(cycle.Value).Period.After(timer.DueAt), RepeatsLeft = left < 0 ? -1 : left - 1,
                    });
                }

                break;
        }

        return loaded;
    }

    /// <summary>
    /// A timer start event fired: start an instance if its version is still the one in force today
    /// (a later edition takes over its schedule), and arm the next repetition of a cycle.
    /// </summary>
    private async Task<EngineSession.Loaded?> StartOnTimerAsync(EngineSession session, ProcessTimer timer, CancellationToken cancellationToken)
    {
        var definition = await db.Definitions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == timer.DefinitionId, cancellationToken);
        if (definition is null)
        {
            return null;
        }

        var today = KazakhstanClock.DateOf(session.Now);
        var inForce = await session.InForceAsync(definition.Key, today, cancellationToken);
        if (inForce is null || inForce.Id != definition.Id)
        {
            return null;
        }

        var loaded = session.Create(inForce, today, null, null, Actor.Engine);
        loaded.Runner.Start((Definitions.Model.StartEvent)loaded.Model.Node(timer.ElementId));
        if (timer.RepeatsLeft is { } repeats && repeats != 0
            && loaded.Model.Node(timer.ElementId) is Definitions.Model.StartEvent { Trigger: TimerTrigger cycle })
        {
            session.Writer.Add(new ProcessTimer
            {
                Id = Guid.CreateVersion7(session.Now), DefinitionId = definition.Id, ElementId = timer.ElementId,
                DueAt = TimerCycle.Parse(cycle.Value).Period.After(timer.DueAt), RepeatsLeft = repeats < 0 ? -1 : repeats - 1,
            });
        }

        return loaded;
    }

    private async Task RecordTimerFailureAsync(ProcessTimer timer, EngineException ex, CancellationToken cancellationToken)
    {
        LogTimerFailed(logger, timer.Id, timer.ElementId, ex.Message);
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM workflows.timers WHERE id = {timer.Id}", cancellationToken);
        if (timer.InstanceId is { } instanceId)
        {
            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId, cancellationToken);
            db.Journal.Add(new JournalEntry
            {
                InstanceId = instanceId, DefinitionKey = instance.DefinitionKey, DefinitionVersion = instance.DefinitionVersion,
                ElementId = timer.ElementId, Event = "timer-failed", At = time.GetUtcNow(), Actor = Actor.Engine.Id, TokenId = timer.TokenId,
                Data = new System.Text.Json.Nodes.JsonObject { ["error"] = ex.Message },
            });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Error,
        Message = "Timer {TimerId} at {ElementId} could not fire and was dropped: {Problem}")]
    private static partial void LogTimerFailed(Microsoft.Extensions.Logging.ILogger logger, Guid timerId, string elementId, string problem);
}
