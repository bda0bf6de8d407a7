namespace Qadam.Api.Hosting;

/// <summary>
/// Holds a node's background passes (the engine worker, the outbox gauge, the organisation listener) until the node has
/// answered its first request, or <see cref="Fallback"/> after it started listening when nobody asks. A restarting node's
/// first <c>/health</c>, which the load balancer waits for, then does not share the two cores with the first passes' JIT
/// and queries (bench/Http/README.md, "Cold start"). Timers and jobs that fell due meanwhile run at the first pass, as after
/// any restart.
/// </summary>
internal sealed class ServingGate(IHostApplicationLifetime lifetime, TimeProvider time)
{
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen => opened.Task.IsCompleted;

    /// <summary>Called once a response has gone out (<see cref="ServingGateExtensions.UseServingGate"/>).</summary>
    public void Open() => opened.TrySetResult();

    /// <summary>Waits for the gate; false when the node is stopping first, and the pass should not start.</summary>
    public async Task<bool> WaitAsync(CancellationToken stopping)
    {
        if (IsOpen)
        {
            return true;
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => listening.TrySetResult()))
        {
            await Task.WhenAny(listening.Task, Task.Delay(Timeout.InfiniteTimeSpan, stopping));
        }

        if (!stopping.IsCancellationRequested)
        {
            await Task.WhenAny(opened.Task, Task.Delay(Fallback, time, stopping));
        }

        if (stopping.IsCancellationRequested)
        {
            return false;
        }

        Open();
        return true;
    }
}

internal static class ServingGateExtensions
{
    /// <summary>First in the pipeline: the first response that completes opens the gate; after that, one check per request.</summary>
    public static void UseServingGate(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<ServingGate>();
        app.Use((context, next) =>
        {
            if (!gate.IsOpen)
            {
                context.Response.OnCompleted(static state =>
                {
                    ((ServingGate)state).Open();
                    return Task.CompletedTask;
                }, gate);
            }

            return next(context);
        });
    }
}
