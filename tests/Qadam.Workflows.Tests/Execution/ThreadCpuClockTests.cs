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

    [SkippableFact]
    public void Short_expressions_read_the_threads_cpu_clock_rarely()
    {
        Skip.IfNot(ThreadCpuClock.MeasuresCpu, "The thread's CPU time is read on Linux only.");
        var budget = new CommandBudget(EngineLimits.Default);
        var evaluator = new ExpressionEvaluator(budget.Limits.Expression, DateTimeOffset.UnixEpoch, budget);
        evaluator.Evaluate("gw", "amount > 100", Amount);

        var before = ThreadCpuClock.ReadsOnThisThread;
        for (var i = 0; i < 200; i++)
        {
            Assert.True(evaluator.IsTrue("gw", "amount > 100 && amount < 1000", Amount));
        }

        // Two readings per expression made 400: now one per millisecond of expressions, and one more after a stretch on
        // a busy machine. A quarter leaves room for a loaded test machine.
        var reads = ThreadCpuClock.ReadsOnThisThread - before;
        Assert.True(reads <= 100, $"200 expressions read the thread's CPU clock {reads} times");
        Assert.True(budget.ExpressionTimeLeft < EngineLimits.Default.ExpressionTimePerCommand);
    }

    [SkippableFact]
    public void An_expression_that_computes_for_long_is_charged_at_least_the_cpu_it_used()
    {
        Skip.IfNot(ThreadCpuClock.MeasuresCpu, "The thread's CPU time is read on Linux only.");
        var limits = EngineLimits.Default with
        {
            Expression = ExpressionLimits.Default with { MaxStatements = 50_000_000, Timeout = TimeSpan.FromMinutes(1) },
            ExpressionStatementsPerCommand = 50_000_000,
        };
        var budget = new CommandBudget(limits);
        var evaluator = new ExpressionEvaluator(limits.Expression, DateTimeOffset.UnixEpoch, budget);

        var before = ThreadCpuClock.Now();
        evaluator.Evaluate("gw", "(() => { let s = 0; for (let i = 0; i < 300000; i++) s += i % 7; return s; })()", []);
        var used = ThreadCpuClock.Now() - before;

        var charged = limits.ExpressionTimePerCommand - budget.ExpressionTimeLeft;
        Assert.True(used > ExpressionCpuTime.Slack * 5, $"the loop used {used.TotalMilliseconds} ms only");
        // The two readings around the call also count the evaluator's own checks, microseconds of it.
        Assert.True(charged >= used * 0.95, $"charged {charged.TotalMilliseconds} ms for {used.TotalMilliseconds} ms of CPU");
        Assert.True(charged <= used + ExpressionCpuTime.Slack, $"charged {charged.TotalMilliseconds} ms for {used.TotalMilliseconds} ms of CPU");
    }

    [SkippableFact]
    public void An_expression_whose_thread_waits_is_charged_for_its_cpu_not_for_the_wait()
    {
        Skip.IfNot(ThreadCpuClock.MeasuresCpu, "The thread's CPU time is read on Linux only.");
        // A host function that blocks stands for a thread that lost its core on a loaded machine for 300 ms.
        var functions = new ExpressionFunctions([
            new KeyValuePair<string, Func<DateTimeOffset, Delegate>>("nap", _ => new Func<int>(() =>
            {
                Thread.Sleep(300);
                return 1;
            })),
        ]);
        var budget = new CommandBudget(EngineLimits.Default);
        var evaluator = new ExpressionEvaluator(budget.Limits.Expression, DateTimeOffset.UnixEpoch, budget, functions: functions);

        Assert.True(evaluator.IsTrue("gw", "nap() === 1", Amount));

        var charged = EngineLimits.Default.ExpressionTimePerCommand - budget.ExpressionTimeLeft;
        Assert.True(charged < TimeSpan.FromMilliseconds(150), $"a thread that slept 300 ms was charged {charged.TotalMilliseconds} ms");
    }

    private static System.Text.Json.Nodes.JsonObject Amount => new() { ["amount"] = 500 };
}
