using Microsoft.EntityFrameworkCore;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows.Persistence;

/// <summary>
/// The engine's tables (schema <c>workflows</c>, snake_case names so hot queries read plainly in SQL):
/// definitions and versions, instances, user tasks, timers, subscriptions, jobs, incidents, journal,
/// outbox and the idempotency log.
/// </summary>
public sealed class WorkflowsDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    public WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options)
        : base(options)
    {
        // An engine command succeeds or fails as a whole, so the savepoint EF would set before each
        // SaveChanges inside a transaction is a round trip that buys nothing.
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>The schema of every engine table.</summary>
    public const string Schema = "workflows";

    /// <summary>Definition versions (BPMN and condition tables).</summary>
    public DbSet<ProcessDefinition> Definitions => Set<ProcessDefinition>();

    /// <summary>Process instances.</summary>
    public DbSet<ProcessInstance> Instances => Set<ProcessInstance>();

    /// <summary>User tasks.</summary>
    public DbSet<ProcessTask> Tasks => Set<ProcessTask>();

    /// <summary>Timers.</summary>
    public DbSet<ProcessTimer> Timers => Set<ProcessTimer>();

    /// <summary>Message subscriptions.</summary>
    public DbSet<MessageSubscription> Subscriptions => Set<MessageSubscription>();

    /// <summary>Service-task jobs.</summary>
    public DbSet<ProcessJob> Jobs => Set<ProcessJob>();

    /// <summary>Incidents.</summary>
    public DbSet<Incident> Incidents => Set<Incident>();

    /// <summary>Execution journal.</summary>
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();

    /// <summary>Outbox of side effects.</summary>
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    /// <summary>Idempotency log.</summary>
    public DbSet<CommandRecord> Commands => Set<CommandRecord>();

    /// <summary>
    /// Configures Npgsql for the engine: snake_case names, its own migrations history table and the compiled model
    /// (<c>scripts/ef-compiled-models</c> regenerates it), so a process does not build the model on its first query.
    /// The design-time tools still build the model from <see cref="OnModelCreating"/> for migrations.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__migrations", Schema))
            .UseSnakeCaseNamingConvention()
            .UseModel(CompiledModels.WorkflowsDbContextModel.Instance);

    /// <summary>
    /// The same with no connection yet: options built once for a host that gives each context its connection with
    /// <c>Database.SetDbConnection</c> (<see cref="WorkflowsServiceCollectionExtensions.AddQadamWorkflows(Microsoft.Extensions.DependencyInjection.IServiceCollection, Func{IServiceProvider, System.Data.Common.DbConnection})"/>).
    /// </summary>
    public static DbContextOptions<WorkflowsDbContext> OptionsWithoutConnection() =>
        new DbContextOptionsBuilder<WorkflowsDbContext>()
            .UseNpgsql(npgsql => npgsql.MigrationsHistoryTable("__migrations", Schema))
            .UseSnakeCaseNamingConvention()
            .UseModel(CompiledModels.WorkflowsDbContextModel.Instance)
            .Options;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowsDbContext).Assembly);
    }
}
