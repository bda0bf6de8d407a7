using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using Qadam.Identifiers;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The commands of the engine: start, claim, complete, correlate, fire timers, run jobs, cancel,
/// migrate, resolve incidents. Each runs to the next wait state in one database transaction (the
/// caller's, when one is open on the context); a failure applies nothing, and a replayed idempotency
/// key returns the first result.
/// </summary>
public sealed partial class ProcessEngine(
    WorkflowsDbContext db, ActivityRegistry activities, TimeProvider time, ILogger<ProcessEngine> logger, EngineLimits? limits = null,
    IEnumerable<IEngineCommandObserver>? observers = null, ExpressionFunctions? functions = null, DefinitionCache? definitions = null)
{
    /// <summary>The parsed definitions; a host shares one per process (AddQadamWorkflows registers it), else the engine has its own.</summary>
    internal DefinitionCache Definitions { get; } = definitions ?? new DefinitionCache();

    /// <summary>The functions the host added to expressions.</summary>
    internal ExpressionFunctions Functions { get; } = functions ?? ExpressionFunctions.None;

    private readonly IEngineCommandObserver[] _observers = observers?.ToArray() ?? [];

    internal EngineLimits Limits { get; } = limits ?? EngineLimits.Default;

    /// <summary>Tells the observers of a command the engine ran by itself, inside its transaction.</summary>
    private async Task ObserveAsync(EngineSession session, string action, ProcessInstance instance, Definitions.Model.ProcessModel model,
        string elementId, string? detail, CancellationToken cancellationToken)
    {
        if (_observers.Length == 0 || db.Database.CurrentTransaction is not { } transaction)
        {
            return;
        }

        // Pending rows first, so an observer reading the database sees what the command did.
        await SaveAsync(session, cancellationToken);
        var legalBasis = model.Elements.TryGetValue(elementId, out var element) && element is Definitions.Model.FlowNode node
            ? node.Extension.LegalBasis
            : null;
        var record = new EngineCommandRecord(action, instance.Id, instance.BusinessKey, instance.DefinitionKey, instance.DefinitionVersion,
            elementId, legalBasis, detail);
        foreach (var observer in _observers)
        {
            await observer.RecordAsync(record, transaction.GetDbTransaction(), cancellationToken);
        }
    }

    /// <summary>Starts an instance bound to the version in force on the reference date.</summary>
    public Task<CommandResult> StartAsync(StartProcess command, CancellationToken cancellationToken = default) =>
        RunAsync("start", command.IdempotencyKey, async session =>
        {
            var definition = await session.InForceAsync(command.DefinitionKey, command.ReferenceDate, cancellationToken)
                             ?? throw new NoVersionInForceException(command.DefinitionKey, command.ReferenceDate);
            var loaded = session.Create(definition, command.ReferenceDate, command.BusinessKey, command.Variables, command.Actor);
            loaded.Runner.Start(loaded.Model.Root.NoneStart
                                ?? throw new ProcessLogicException(loaded.Model.Id, "the process has no none start event to start at"));
            await session.SettleAsync(cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);

    /// <summary>Claims a task for the actor; claiming one's own claimed task again is a no-op.</summary>
    public Task<CommandResult> ClaimTaskAsync(Guid taskId, Actor actor, CancellationToken cancellationToken = default) =>
        RunAsync("claim", null, async session =>
        {
            var (task, instance) = await CommandReader.LockTaskAsync(db, taskId, cancellationToken);
            if (task is null)
            {
                throw new EngineNotFoundException($"Task {taskId}");
            }

            session.Writer.Attach(task);
            task.Claim(actor.Id);
            var loaded = await session.LoadAsync(instance ?? throw new EngineNotFoundException($"Instance {task.InstanceId}"), actor,
                cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);

    /// <summary>Completes a user task and runs the instance on to its next wait state.</summary>
    public Task<CommandResult> CompleteTaskAsync(CompleteTask command, CancellationToken cancellationToken = default) =>
        RunAsync("complete", command.IdempotencyKey, async session =>
        {
            // The row lock makes a second completion wait for the first and then see the task done (409), never apply twice.
            // A host that locked the task first for its own checks (LockTaskAsync) hands the rows over: no second read.
            var (task, instance) = TakeLockedTask(command.TaskId) ?? await CommandReader.LockTaskAsync(db, command.TaskId, cancellationToken);
            if (task is null)
            {
                throw new EngineNotFoundException($"Task {command.TaskId}");
            }

            session.Writer.Attach(task);
            var output = command.Output ?? [];
            task.Complete(command.Actor.Id, output, time.GetUtcNow());
            session.Closed(task.Id);
            var loaded = await session.LoadAsync(instance ?? throw new EngineNotFoundException($"Instance {task.InstanceId}"), command.Actor,
                cancellationToken);
            if (loaded.Runner.State.FindToken(task.TokenId) is null)
            {
                throw new ConcurrencyConflictException(task.InstanceId);
            }

            if (task.LoopIndex is not null)
            {
                loaded.Runner.CompleteLoopInstance(task.TokenId, output);
            }
            else
            {
                loaded.Runner.MergeAt(task.TokenId, output);
                loaded.Runner.Resume(task.TokenId);
            }

            await session.SettleAsync(cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);

    /// <summary>Delivers a message to every instance waiting for it with that key, or starts instances at a message start event.</summary>
    public Task<IReadOnlyList<CommandResult>> CorrelateAsync(CorrelateMessage command, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<CommandResult>>("correlate", command.IdempotencyKey, async session =>
        {
            var subscriptions = await db.Subscriptions
                .Where(s => s.EventType == SubscriptionKinds.Message && s.MessageName == command.MessageName
                                                                      && s.CorrelationKey == command.CorrelationKey)
                .OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
            var results = new List<CommandResult>();
            foreach (var subscription in subscriptions)
            {
                var loaded = await session.LoadAsync(subscription.InstanceId, command.Actor, cancellationToken);
                if (!loaded.Runner.Deliver(subscription.TokenId, subscription.ElementId, command.Variables))
                {
                    continue;
                }

                await session.SettleAsync(cancellationToken);
                results.Add(session.Result(loaded));
            }

            if (results.Count == 0)
            {
                results.AddRange(await StartByMessageAsync(session, command, cancellationToken));
            }

            return results.Count > 0
                ? results
                : throw new EngineNotFoundException($"An instance waiting for message '{command.MessageName}' with key '{command.CorrelationKey}'");
        }, cancellationToken);

    private async Task<List<CommandResult>> StartByMessageAsync(EngineSession session, CorrelateMessage command, CancellationToken cancellationToken)
    {
        var date = command.ReferenceDate ?? KazakhstanClock.Today(time);
        var keys = await db.Definitions.AsNoTracking()
            .Where(d => d.Status == DefinitionStatus.Published && d.StartMessages.Contains(command.MessageName))
            .Select(d => d.Key).Distinct().ToListAsync(cancellationToken);
        var results = new List<CommandResult>();
        foreach (var key in keys)
        {
            var definition = await session.InForceAsync(key, date, cancellationToken);
            var start = definition is null
                ? null
                : definition.Model.Root.StartEvents
                    .FirstOrDefault(s => s.Trigger is Definitions.Model.MessageTrigger m && string.Equals(m.MessageName, command.MessageName, StringComparison.Ordinal));
            if (definition is null || start is null)
            {
                continue;
            }

            var loaded = session.Create(definition, date, command.CorrelationKey, command.Variables, command.Actor);
            loaded.Runner.Start(start);
            await session.SettleAsync(cancellationToken);
            results.Add(session.Result(loaded));
        }

        return results;
    }

    /// <summary>Cancels an instance: every task, timer and called instance goes with it.</summary>
    public Task<CommandResult> CancelAsync(Guid instanceId, Actor actor, string reason, CancellationToken cancellationToken = default) =>
        RunAsync("cancel", null, async session =>
        {
            var loaded = await session.LoadAsync(instanceId, actor, cancellationToken);
            loaded.Runner.CancelAll(reason);
            await session.SettleAsync(cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);

    /// <summary>
    /// Runs a command body in a transaction, with idempotency: a replayed key returns the stored first
    /// result; a failure rolls everything back and leaves the context clean for the next command.
    /// </summary>
    private async Task<T> RunAsync<T>(string command, string? idempotencyKey, Func<EngineSession, Task<T>> body, CancellationToken cancellationToken)
    {
        using var measurement = EngineTelemetry.Command(command);
        if (idempotencyKey is not null && await FindReplayAsync<T>(idempotencyKey, TakeLockedCommand(idempotencyKey, out var recorded), recorded,
                cancellationToken) is { } replay)
        {
            return replay;
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var session = new EngineSession(this, db, time.GetUtcNow());
            var result = await body(session);
            if (idempotencyKey is not null)
            {
                session.Writer.Add(new CommandRecord
                {
                    Key = idempotencyKey, Command = command, ResultJson = JsonSerializer.Serialize(result), CreatedAt = session.Now,
                });
            }

            await SaveAsync(session, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            measurement.Succeeded();
            return result;
        }
        catch (Exception ex) when (idempotencyKey is not null && IsUniqueViolation(ex))
        {
            // The same key ran concurrently and won: answer with its result.
            await RollBackAsync(ownTransaction);
            var first = await FindReplayAsync<T>(idempotencyKey, false, null, cancellationToken);
            if (first is null)
            {
                throw;
            }

            return first;
        }
        catch (Exception ex) when ((ex as PostgresException ?? ex.InnerException as PostgresException)
                                   is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
        {
            // Two commands locked two instances in opposite orders (a caller and its called instance, two correlations).
            await RollBackAsync(ownTransaction);
            throw new ConcurrencyConflictException(Guid.Empty, ex);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            await RollBackAsync(ownTransaction);
            var instanceId = ex.Entries.Select(e => e.Entity).OfType<ProcessInstance>().Select(i => i.Id).FirstOrDefault();
            throw new ConcurrencyConflictException(instanceId, ex);
        }
        catch
        {
            await RollBackAsync(ownTransaction);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Writes the command's rows (one batch), then whatever the cold paths or the caller left in the change tracker
    /// (an incident resolved, a job re-armed), as the single SaveChanges did before.
    /// </summary>
    private async Task SaveAsync(EngineSession session, CancellationToken cancellationToken)
    {
        await session.Writer.FlushAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RollBackAsync(IDbContextTransaction? transaction)
    {
        db.ChangeTracker.Clear();
        if (transaction is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    // Compiled once: every command with an Idempotency-Key looks its key up first, and EF's per-call work for a LINQ query
    // (the tree built, its captured values extracted, the cache looked up) was part of a completion's CPU in the profile.
    private static readonly Func<WorkflowsDbContext, string, CancellationToken, Task<CommandRecord?>> CommandByKey =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string key, CancellationToken _) =>
            db.Commands.AsNoTracking().SingleOrDefault(c => c.Key == key));

    /// <param name="key">The idempotency key.</param>
    /// <param name="readWithTask">Whether the record was read already, with the locked task (<see cref="LockTaskAsync"/>).</param>
    /// <param name="recordedResult">What was read then (null: no record).</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    private async Task<T?> FindReplayAsync<T>(string key, bool readWithTask, string? recordedResult, CancellationToken cancellationToken)
    {
        var json = readWithTask ? recordedResult : (await CommandByKey(db, key, cancellationToken))?.ResultJson;
        var replay = json is null ? default : JsonSerializer.Deserialize<T>(json);
        return replay switch
        {
            CommandResult one => (T)(object)(one with { Replayed = true }),
            IReadOnlyList<CommandResult> many => (T)(object)many.Select(r => r with { Replayed = true }).ToList(),
            _ => replay,
        };
    }

    // The command record comes in the engine's own batch (a PostgresException); EF wraps it in a DbUpdateException.
    private static bool IsUniqueViolation(Exception ex) =>
        (ex as PostgresException ?? ex.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation };
}
