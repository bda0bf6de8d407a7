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
    /// <summary>Adds the engine on the PostgreSQL database of <paramref name="connectionString"/>. Register activities with <see cref="AddProcessActivity{T}"/>.</summary>
    public static IServiceCollection AddQadamWorkflows(this IServiceCollection services, string connectionString)
    {
        services.AddDbContext<WorkflowsDbContext>(options => WorkflowsDbContext.Configure(options, connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActivityRegistry>();
        services.TryAddScoped<ProcessEngine>();
        services.TryAddScoped<DefinitionStore>();
        services.TryAddScoped<OutboxDelivery>();
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
