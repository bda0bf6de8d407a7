using System.Collections.Concurrent;

namespace Qadam.Api.Hosting;

/// <summary>
/// One logger per category for the whole process. Serilog's logger factory (<c>AddSerilog</c>) makes a new logger, with its
/// own event-id cache, on every <c>CreateLogger</c>, where Microsoft's <c>LoggerFactory</c> keeps one per category; and EF Core
/// asks for its loggers for every context it builds, ASP.NET Core's authentication handlers for theirs on every request.
/// That was about a sixteenth of what a parent's read allocated (bench/Http/README.md, "Session 13"). A logger only writes
/// to Serilog's pipeline, which is shared and thread-safe, so the first one made for a category serves every later caller.
/// </summary>
internal sealed class LoggersByCategory(ILoggerFactory serilog) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        loggers.GetOrAdd(categoryName, static (category, factory) => factory.CreateLogger(category), serilog);

    public void AddProvider(ILoggerProvider provider) => serilog.AddProvider(provider);

    public void Dispose() => serilog.Dispose();

    /// <summary>Puts this in front of the logger factory <c>AddSerilog</c> registered (the last one registered).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new LoggersByCategory(registered switch
        {
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(provider),
            { ImplementationInstance: ILoggerFactory instance } => instance,
            _ => (ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }));
    }
}
