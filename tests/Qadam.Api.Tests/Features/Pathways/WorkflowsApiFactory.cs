using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

// Not Features.Pathways like the folder: a namespace of that name would hide the Definitions.Pathways helper class from
// every test under Features that calls it.
namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// The API with the repository's own <c>workflows/</c> (copied into the test's folder): at start it publishes every
/// pathway and stores their kk and ru templates, as <c>scripts/run</c> does on a fresh database.
/// </summary>
public class WorkflowsApiFactory : QadamApiFactory
{
    public WorkflowsApiFactory()
    {
        Copy(new DirectoryInfo(Path.Combine(RepositoryRoot(), "workflows")), new DirectoryInfo(WorkflowsDirectory));
    }

    /// <summary>The clock the API runs on; null for the system clock.</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Qadam.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Qadam.slnx) is not above the test's output folder.");
    }

    private static void Copy(DirectoryInfo from, DirectoryInfo to)
    {
        to.Create();
        foreach (var file in from.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(to.FullName, file.Name), overwrite: true);
        }

        foreach (var directory in from.EnumerateDirectories())
        {
            Copy(directory, new DirectoryInfo(Path.Combine(to.FullName, directory.Name)));
        }
    }
}

/// <summary>
/// The same API on a clock set back to 1 June 2025 (Kazakhstan time) and running on from there, so cases can be filed
/// on either side of the 2025 amendment (13 May 2025) within the year a filing date may lie back.
/// </summary>
public sealed class June2025ApiFactory : WorkflowsApiFactory
{
    protected override TimeProvider? Clock { get; } = new ShiftedClock(new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(5)));

    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start - System.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
    }
}

/// <summary>The API on a clock the test moves forward (<see cref="Clock"/>.<see cref="MovableClock.Advance"/>), from the real time.</summary>
public sealed class MovableClockApiFactory : WorkflowsApiFactory
{
    public MovableClock Time { get; } = new();

    protected override TimeProvider? Clock => Time;
}

/// <summary>The system clock plus a shift that only grows.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    /// <summary>Kazakhstan's date on this clock (UTC+5).</summary>
    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().ToOffset(TimeSpan.FromHours(5)).DateTime);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
