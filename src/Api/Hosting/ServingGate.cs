namespace Qadam.Api.Hosting;

/// <summary>
/// Holds a node's background passes (the engine worker, the outbox gauge, the organisation listener) until the node has answered its first request,
/// or <see cref="Fallback"/> after it started listening when nobody asks. A restarting node's first <c>/health</c>, which
/// the load balancer waits for, then does not share the two cores with the first passes' JIT and queries (bench/Http/README.md,
/// "Cold start"). Timers and jobs that fell due meanwhile run at the first pass, as after any restart.
/// </summary>
internal sealed class ServingGate(IHostApplicationLifetime lifetime, TimeProvider time)
{
    public static readonly TimeSpan Fallback = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool isOpen;

    public bool IsOpen => isOpen;

    /// <summary>Called once a response has gone out (<see cref="ServingGateExtensions.UseServingGate"/>).</summary>
    public void Open()
    {
        isOpen = true;
        answered.TrySetResult();
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (isOpen)
        {
            return;
        }

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => listening.TrySetResult()))
        {
            await listening.Task.WaitAsync(cancellationToken);
        }

        await Task.WhenAny(answered.Task, Task.Delay(Fallback, time, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        isOpen = true;
    }
}

internal static class ServingGateExtensions
{
    /// <summary>First in the pipeline: the first response that completes opens the gate; after that, one field read per request.</summary>
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
