using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The designer's dry run: the legal department steps a draft through with sample data before publishing it.
/// Both commands refuse to run outside a transaction the caller opened, because the caller must roll it back: a dry
/// run's instance of a draft must never be committed.
/// </summary>
public sealed partial class ProcessEngine
{
    /// <summary>
    /// Starts an instance of exactly version <paramref name="version"/> of <paramref name="key"/>, draft or published,
    /// inside the caller's open transaction (which the caller rolls back). Cases never start this way: they start the
    /// version in force (<see cref="StartAsync"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">No transaction is open on the engine's context.</exception>
    /// <exception cref="EngineNotFoundException">The key has no such BPMN version.</exception>
    public Task<CommandResult> StartVersionForDryRunAsync(
        string key, int version, DateOnly referenceDate, Actor actor, JsonObject? variables, CancellationToken cancellationToken = default)
    {
        RequireCallersTransaction();
        return RunAsync("dry-run-start", null, async session =>
        {
            var definition = await db.Definitions.AsNoTracking()
                                 .SingleOrDefaultAsync(d => d.Key == key && d.Version == version && d.Kind == DefinitionKind.Bpmn, cancellationToken)
                             ?? throw new EngineNotFoundException($"Version {version} of '{key}'");
            // Drafts are never cached by id (their content changes), so this compiles the draft as it is now.
            var model = Definitions.CachedModel(definition.Id) ?? Definitions.Model(definition);
            await session.LoadTablesAsync(cancellationToken);
            var loaded = session.Create(new EngineSession.StartableVersion(definition.Id, definition.Key, definition.Version, model),
                referenceDate, null, variables, actor);
            loaded.Runner.Start(model.Root.NoneStart
                                ?? throw new ProcessLogicException(model.Id, "the process has no none start event to start at"));
            await session.SettleAsync(cancellationToken);
            return session.Result(loaded);
        }, cancellationToken);
    }

    /// <summary>
    /// Moves past the next service-task job waiting in the instance or the instances it called, without running its
    /// activity (a rendered document or a mass transfer has no place in a dry run): the service task counts as done with
    /// no output, as an operator's skip of an incident does.
    /// </summary>
    /// <returns>The element id of the skipped service task, or null when no job waits.</returns>
    public async Task<string?> SkipNextJobForDryRunAsync(Guid instanceId, Actor actor, CancellationToken cancellationToken = default)
    {
        RequireCallersTransaction();
        var instances = await InstanceTreeAsync(instanceId, cancellationToken);
        var job = await db.Jobs.AsNoTracking().Where(j => instances.Contains(j.InstanceId)).OrderBy(j => j.DueAt).ThenBy(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return null;
        }

        await RunAsync("dry-run-skip-job", null, async session =>
        {
            await DeleteJobAsync(job.Id, cancellationToken);
            var loaded = await session.LoadAsync(job.InstanceId, actor, cancellationToken);
            if (loaded.Runner.State.FindToken(job.TokenId) is not null)
            {
                loaded.Runner.Resume(job.TokenId);
                await session.SettleAsync(cancellationToken);
            }

            return session.Result(loaded);
        }, cancellationToken);
        return job.ElementId;
    }

    /// <summary>
    /// Runs <paramref name="run"/> (which starts a version with <see cref="StartVersionForDryRunAsync"/>, completes its tasks,
    /// skips its jobs and reads what happened) in one transaction on the engine's context that is always rolled back, whatever
    /// happens, so nothing of the run is ever stored; the context is left clean for the next command.
    /// </summary>
    public async Task<T> DryRunAsync<T>(Func<CancellationToken, Task<T>> run, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            return await run(cancellationToken);
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The instance and every instance it called, at any depth.</summary>
    public async Task<List<Guid>> InstanceTreeAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var all = new List<Guid> { instanceId };
        var frontier = new List<Guid> { instanceId };
        while (frontier.Count > 0)
        {
            frontier = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId != null && frontier.Contains(i.ParentInstanceId.Value))
                .Select(i => i.Id).ToListAsync(cancellationToken);
            all.AddRange(frontier);
        }

        return all;
    }

    private void RequireCallersTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A dry run runs only inside a transaction the caller opened and rolls back.");
        }
    }
}
