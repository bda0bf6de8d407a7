using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// The command's expression budget counts the CPU a thread used, not the time that passed: on a loaded server a thread
/// waiting for its turn spends none of it.
/// </summary>
public sealed class ThreadCpuClockTests
{
    [SkippableFact]
    public void On_Linux_a_thread_that_waits_spends_no_expression_budget()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "The thread's CPU time is read on Linux only; elsewhere wall-clock time stands in.");

        var before = ThreadCpuClock.Now();
        Thread.Sleep(TimeSpan.FromMilliseconds(600));
        var used = ThreadCpuClock.Now() - before;

        Assert.True(ThreadCpuClock.MeasuresCpu);
        Assert.True(used < TimeSpan.FromMilliseconds(300), $"a sleeping thread was charged {used.TotalMilliseconds} ms");
    }

    [Fact]
    public void An_expression_that_computes_is_charged_to_the_commands_budget()
    {
        var budget = new CommandBudget(EngineLimits.Default);
        var evaluator = new ExpressionEvaluator(budget.Limits.Expression, DateTimeOffset.UnixEpoch, budget);

        evaluator.Evaluate("gw", "(() => { let s = 0; for (let i = 0; i < 5000; i++) s += i; return s; })()", []);

        Assert.True(budget.ExpressionTimeLeft < EngineLimits.Default.ExpressionTimePerCommand);
    }
}
