using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Execution;

public sealed partial class ProcessEngine
{
    /// <summary>Attempts a failing job gets before it becomes an incident.</summary>
    public const int MaxJobAttempts = 3;

    /// <summary>
    /// Runs due service-task jobs, each in its own transaction (claimed with SKIP LOCKED). The activity
    /// works inside that transaction: when it throws, nothing it or the instance did is kept, the
    /// attempt is counted, and after <see cref="MaxJobAttempts"/> the job becomes an incident.
    /// </summary>
    public async Task<int> RunDueJobsAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var ran = 0;
        while (ran < max && await RunNextJobAsync(cancellationToken))
        {
            ran++;
        }

        return ran;
    }

    private async Task<bool> RunNextJobAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Exception? failure;
        ProcessJob? job;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            job = await db.Jobs
                .FromSqlInterpolated($"SELECT * FROM workflows.jobs WHERE NOT stalled AND due_at <= {now} ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED")
                .SingleOrDefaultAsync(cancellationToken);
            if (job is null)
            {
                return false;
            }

            if (!await CommandReader.TryLockInstanceAsync(db, job.InstanceId, cancellationToken))
            {
                // A user's command holds the instance: the job stays and runs on the next pass.
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(CancellationToken.None);
                return false;
            }

            using var span = EngineTelemetry.JobStarted(job.Activity, now - job.DueAt);
            try
            {
                var session = new EngineSession(this, db, now);
                db.Entry(job).State = EntityState.Detached;
                var ran = await ExecuteJobAsync(session, job, cancellationToken);
                await DeleteJobAsync(job.Id, cancellationToken);
                await session.SettleAsync(cancellationToken);
                if (ran is not null)
                {
                    await ObserveAsync(session, "service-task-completed", ran.Instance, ran.Model, job.ElementId, job.Activity, cancellationToken);
                }

                await SaveAsync(session, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failure = ex;
                db.ChangeTracker.Clear();
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }

        await RecordJobFailureAsync(job.Id, failure, now, cancellationToken);
        return true;
    }

    private async Task<EngineSession.Loaded?> ExecuteJobAsync(EngineSession session, ProcessJob job, CancellationToken cancellationToken)
    {
        var loaded = await session.LoadAsync(job.InstanceId, Actor.Engine, cancellationToken);
        if (loaded.Runner.State.FindToken(job.TokenId) is null)
        {
            return null;
        }

        var node = (ServiceTask)loaded.Model.Node(job.ElementId);
        var activity = activities.Find(node.Activity)
                       ?? throw new InvalidOperationException($"No activity named '{node.Activity}' is registered.");
        var context = new ActivityContext(loaded.Instance, node, loaded.Runner.VariablesFor(job.TokenId), db.Database.GetDbConnection(),
            db.Database.CurrentTransaction?.GetDbTransaction(), session.Now);
        try
        {
            await activity.ExecuteAsync(context, cancellationToken);
        }
        catch (BpmnErrorException error)
        {
            loaded.Runner.ThrowErrorAt(job.TokenId, error.ErrorCode);
            return loaded;
        }

        loaded.Runner.MergeAt(job.TokenId, context.Output);
        foreach (var message in context.Outbox)
        {
            session.Writer.Add(message);
        }

        loaded.Runner.Resume(job.TokenId);
        return loaded;
    }

    private async Task RecordJobFailureAsync(Guid jobId, Exception failure, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return;
        }

        job.Attempts++;
        job.LastError = failure.Message;
        // Back-off: 10 s, 40 s, 90 s … so a dependency that is down gets time to come back.
        job.DueAt = now + TimeSpan.FromSeconds(10 * job.Attempts * job.Attempts);
        LogJobFailed(logger, job.Activity, job.ElementId, job.InstanceId, job.Attempts, failure.Message);
        // A command over the engine's limits fails the same way every time: an incident at once, not after retries.
        if (job.Attempts >= MaxJobAttempts || failure is CommandLimitException)
        {
            job.Stalled = true;
            var instance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == job.InstanceId, cancellationToken);
            db.Incidents.Add(new Incident
            {
                Id = Guid.CreateVersion7(now), InstanceId = job.InstanceId, JobId = job.Id, ElementId = job.ElementId, Error = failure.Message,
                CreatedAt = now,
            });
            db.Journal.Add(new JournalEntry
            {
                InstanceId = job.InstanceId, DefinitionKey = instance.DefinitionKey, DefinitionVersion = instance.DefinitionVersion,
                ElementId = job.ElementId, Event = "incident", At = now, Actor = Actor.Engine.Id, TokenId = job.TokenId,
                Data = new JsonObject { ["error"] = failure.Message, ["attempts"] = job.Attempts },
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>An operator retries a stalled job: it runs again on the next pass.</summary>
    public Task<CommandResult> RetryIncidentAsync(Guid incidentId, Actor actor, CancellationToken cancellationToken = default) =>
        RunAsync("retry-incident", null, async session =>
        {
            var (incident, job) = await OpenIncidentAsync(incidentId, cancellationToken);
            incident.ResolvedAt = session.Now;
            incident.Resolution = "retried by " + actor.Id;
            job.Stalled = false;
            job.Attempts = 0;
            job.DueAt = session.Now;
            var loaded = await session.LoadAsync(incident.InstanceId, actor, cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);

    /// <summary>An operator skips a stalled job: the service task counts as done, with the variables given.</summary>
    public Task<CommandResult> SkipIncidentAsync(Guid incidentId, Actor actor, JsonObject? variables = null, CancellationToken cancellationToken = default) =>
        RunAsync("skip-incident", null, async session =>
        {
            var (incident, job) = await OpenIncidentAsync(incidentId, cancellationToken);
            incident.ResolvedAt = session.Now;
            incident.Resolution = "skipped by " + actor.Id;
            db.Entry(job).State = EntityState.Detached;
            await DeleteJobAsync(job.Id, cancellationToken);
            var loaded = await session.LoadAsync(incident.InstanceId, actor, cancellationToken);
            loaded.Runner.Merge(variables);
            loaded.Runner.Resume(job.TokenId);
            await session.SettleAsync(cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);

    private async Task<(Incident Incident, ProcessJob Job)> OpenIncidentAsync(Guid incidentId, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken)
                       ?? throw new EngineNotFoundException($"Incident {incidentId}");
        if (incident.ResolvedAt is not null)
        {
            throw new EngineException(EngineErrorKind.Conflict, $"Incident {incidentId} is already resolved ({incident.Resolution}).");
        }

        var job = await db.Jobs.SingleAsync(j => j.Id == incident.JobId, cancellationToken);
        return (incident, job);
    }

    /// <summary>Deleted with SQL: the token moving on may already have dropped the job with its other wait objects.</summary>
    private Task DeleteJobAsync(Guid jobId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM workflows.jobs WHERE id = {jobId}", cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Activity {Activity} at {ElementId} of instance {InstanceId} failed (attempt {Attempt}): {Problem}")]
    private static partial void LogJobFailed(ILogger logger, string activity, string elementId, Guid instanceId, int attempt, string problem);
}
