using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Qadam.Testing;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Tests;

/// <summary>A migrated engine database for one test class, and engines on it with a fake clock.</summary>
public class EngineFixture : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    public EngineFixture()
        : this(new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.FromHours(5)))
    {
    }

    /// <summary>A fixture whose clock starts at <paramref name="start"/> (the fake clock never goes back).</summary>
    protected EngineFixture(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start.ToUniversalTime());
    }

    /// <summary>The fake clock every engine of this fixture reads; starts on 2025-09-01 09:00 in Kazakhstan unless a subclass says otherwise.</summary>
    public FakeTimeProvider Clock { get; }

    public string ConnectionString => _database.ConnectionString;

    /// <summary>The parsed definitions every engine of this fixture shares, as the engines of one API process share theirs.</summary>
    public DefinitionCache Definitions { get; } = new();

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    public WorkflowsDbContext NewContext()
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        WorkflowsDbContext.Configure(options, ConnectionString);
        return new WorkflowsDbContext(options.Options);
    }

    public EngineHost NewHost(params IProcessActivity[] activities) => new(NewContext(), Clock, activities, definitions: Definitions);

    /// <summary>A host whose engine runs under <paramref name="limits"/> instead of the defaults.</summary>
    public EngineHost NewHost(EngineLimits limits, params IProcessActivity[] activities) => new(NewContext(), Clock, activities, limits, Definitions);

    /// <summary>Saves and publishes a BPMN process under <paramref name="key"/>, effective from the date given.</summary>
    public async Task<ProcessDefinition> PublishAsync(string key, string bpmn, DateOnly? effectiveFrom = null, params IProcessActivity[] activities)
    {
        await using var host = NewHost(activities);
        var draft = await host.Definitions.SaveDraftAsync(DefinitionKind.Bpmn, key, bpmn, "legal.r1");
        return await host.Definitions.PublishAsync(key, draft.Version, effectiveFrom ?? new DateOnly(2020, 1, 1),
            new LegalBasis("Приказ № 349", "2023", "п. 1"), "legal.r1");
    }

    /// <summary>Saves and publishes a condition table.</summary>
    public async Task PublishTableAsync(string key, string json, DateOnly? effectiveFrom = null)
    {
        await using var host = NewHost();
        var draft = await host.Definitions.SaveDraftAsync(DefinitionKind.ConditionTable, key, json, "legal.r1");
        await host.Definitions.PublishAsync(key, draft.Version, effectiveFrom ?? new DateOnly(2020, 1, 1),
            new LegalBasis("Приказ № 349", "2025", "п. 3"), "legal.r1");
    }
}

/// <summary>One engine "node": its own context, engine and definition store, as one API process would have.</summary>
public sealed class EngineHost(
    WorkflowsDbContext db, TimeProvider clock, IProcessActivity[] activities, EngineLimits? limits = null, DefinitionCache? definitions = null)
    : IAsyncDisposable
{
    private readonly ActivityRegistry _registry = new(activities);

    public WorkflowsDbContext Db { get; } = db;

    // The host's expression functions, as the API registers them: today() in Kazakhstan, ageOn() from an IIN.
    private static readonly ExpressionFunctions Functions = new(Qadam.Identifiers.KazakhstanExpressionFunctions.All);

    private readonly DefinitionCache _definitions = definitions ?? new DefinitionCache();

    public ProcessEngine Engine => new(Db, _registry, clock, NullLogger<ProcessEngine>.Instance, limits, functions: Functions, definitions: _definitions);

    public DefinitionStore Definitions => new(Db, _registry, clock, limits, Functions, _definitions);

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
