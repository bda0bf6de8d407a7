using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Qadam.Api.Hosting;

namespace Qadam.Api.Tests.Hosting;

/// <summary>
/// A restarting node answers its first /health before the engine worker's first pass competes for the cores, and a node
/// nobody asks still fires its timers.
/// </summary>
public sealed class ServingGateTests
{
    [Fact]
    public async Task The_engine_worker_waits_for_the_first_answer_and_then_runs()
    {
        using var lifetime = new Lifetime();
        var gate = new ServingGate(lifetime, new FakeTimeProvider());
        var waiting = gate.WaitAsync(CancellationToken.None);

        lifetime.Start();
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "the worker ran before the node answered anyone");

        gate.Open();
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(gate.IsOpen);
    }

    [Fact]
    public async Task A_node_nobody_asks_still_runs_its_timers_after_the_fallback()
    {
        using var lifetime = new Lifetime();
        var time = new FakeTimeProvider();
        var gate = new ServingGate(lifetime, time);
        var waiting = gate.WaitAsync(CancellationToken.None);
        lifetime.Start();
        await Task.Delay(100);

        time.Advance(ServingGate.Fallback - TimeSpan.FromMilliseconds(1));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Stopping_the_node_before_it_listens_ends_the_wait()
    {
        using var lifetime = new Lifetime();
        using var stopping = new CancellationTokenSource();
        var waiting = new ServingGate(lifetime, new FakeTimeProvider()).WaitAsync(stopping.Token);

        await stopping.CancelAsync();

        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(5)), "a stopping node's worker started its pass");
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource started = new();
        private readonly CancellationTokenSource stopping = new();
        private readonly CancellationTokenSource stopped = new();

        public CancellationToken ApplicationStarted => started.Token;

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => stopped.Token;

        public void Start() => started.Cancel();

        public void StopApplication() => stopping.Cancel();

        public void Dispose()
        {
            started.Dispose();
            stopping.Dispose();
            stopped.Dispose();
        }
    }
}
