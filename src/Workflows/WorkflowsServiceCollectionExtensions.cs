using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Persistence;
using Qadam.Workflows.Versions;

namespace Qadam.Workflows;

/// <summary>Registers the engine: its context, commands, definition store and outbox delivery.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine on the PostgreSQL database of <paramref name="connectionString"/>, for a host that writes no rows
    /// of its own in the engine's transactions. Its contexts are pooled: building a context for each command was two
    /// thirds of what a start allocated (bench/Engine/README.md). Register activities with <see cref="AddProcessActivity{T}"/>.
    /// </summary>
    public static IServiceCollection AddQadamWorkflows(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextPool<WorkflowsDbContext>(options => WorkflowsDbContext.Configure(options, connectionString));
        return services.AddEngineServices();
    }

    /// <summary>
    /// Adds the engine with its context on the connection <paramref name="connection"/> gives for the scope (the host's own
    /// context's), so that host rows and engine rows commit in one transaction (UseTransaction needs the very same connection).
    /// The context's options are built once, not for every scope: configured per scope (AddDbContext), every request ran the
    /// configuration and EF looked its services up again (bench/Http/README.md, session 10).
    /// </summary>
    public static IServiceCollection AddQadamWorkflows(this IServiceCollection services, Func<IServiceProvider, System.Data.Common.DbConnection> connection)
    {
        var options = WorkflowsDbContext.OptionsWithoutConnection();
        services.AddScoped(provider =>
        {
            var context = new WorkflowsDbContext(options);
            context.Database.SetDbConnection(connection(provider));
            return context;
        });
        return services.AddEngineServices();
    }

    private static IServiceCollection AddEngineServices(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ExpressionFunctions.None);
        // One per process: parsed models and tables, bounded (DefinitionCache.DefaultSizeLimit entries).
        services.TryAddSingleton(_ => new DefinitionCache());
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddScoped<ProcessEngine>();
        services.TryAddScoped<DefinitionStore>();
        services.TryAddScoped<VersionsInForce>();
        services.TryAddScoped<Reads.EngineReads>();
        services.TryAddScoped<OutboxDelivery>();
        services.TryAddScoped<DeliveryTransaction>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IOutboxHandler, ThrownMessageLog>());
        return services;
    }

    /// <summary>
    /// Adds the host's functions to the engine's expressions (e.g. Qadam.Identifiers.KazakhstanExpressionFunctions.All: today()
    /// in Kazakhstan, ageOn() from an IIN), in place of any added before.
    /// </summary>
    public static IServiceCollection AddExpressionFunctions(
        this IServiceCollection services, IEnumerable<KeyValuePair<string, Func<DateTimeOffset, Delegate>>> functions)
    {
        services.Replace(ServiceDescriptor.Singleton(new ExpressionFunctions(functions)));
        return services;
    }

    /// <summary>Registers an activity that service tasks name in qadam:activity.</summary>
    public static IServiceCollection AddProcessActivity<T>(this IServiceCollection services)
        where T : class, IProcessActivity
    {
        services.AddSingleton<IProcessActivity, T>();
        return services;
    }
}
