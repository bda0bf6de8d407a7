using System.Diagnostics;
using System.Text.Json.Nodes;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// An expression stays inside its limits whatever the legal editor writes: a regular expression that backtracks stops at
/// the expression's timeout, a string or array too large for the memory limit is refused before it is allocated, and the
/// expressions of one command share one budget of time and statements.
/// </summary>
public sealed class ExpressionLimitTests
{
    private static readonly DateTimeOffset Now = new(2025, 9, 1, 9, 0, 0, TimeSpan.FromHours(5));

    private static readonly JsonObject Variables = new() { ["text"] = new string('a', 40) + "!" };

    [Fact]
    public void A_backtracking_regular_expression_stops_at_the_expression_timeout_not_at_ten_seconds()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now);
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("gw", "/^(a+)+$/.test(text)", Variables));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Contains("took too long", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_commands_expression_time_is_spent_the_following_conditions_are_refused_at_once()
    {
        // The budget counts the CPU the expressions burn (ThreadCpuClock), so a loaded machine does not trip it; here it is a
        // millisecond, which one backtracking condition spends before its own timeout stops it.
        var budget = new CommandBudget(EngineLimits.Default with
        {
            ExpressionTimePerCommand = TimeSpan.FromMilliseconds(1),
            Expression = ExpressionLimits.Default with { Timeout = TimeSpan.FromMilliseconds(200) },
        });
        var evaluator = new ExpressionEvaluator(budget.Limits.Expression, Now, budget);

        var first = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("gw0", "/^(a+)+$/.test(text)", Variables));
        var rest = Enumerable.Range(1, 7)
            .Select(i => Assert.Throws<ExpressionException>(() => evaluator.Evaluate($"gw{i}", "/^(a+)+$/.test(text)", Variables)).Message)
            .ToList();

        Assert.Contains("took too long", first.Message, StringComparison.Ordinal);
        Assert.All(rest, m => Assert.Contains("the command's expressions used their budget", m, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("'x'.repeat(2 ** 28).length")]
    [InlineData("'x'.padStart(2 ** 28).length")]
    [InlineData("new Array(2 ** 26).fill(0).length")]
    [InlineData("Array.from({ length: 2 ** 26 }).length")]
    [InlineData("(() => { let s = 'x'; for (let i = 0; i < 40; i++) s = s + s; return s.length; })()")]
    [InlineData("JSON.stringify(new Array(2 ** 24).join('ab'))")]
    [InlineData("new Array(1000).fill('x'.repeat(2 ** 20)).join('').length")]
    [InlineData("'x'.repeat(2 ** 20).replaceAll('x', 'y'.repeat(1000)).length")]
    [InlineData("'x'.repeat(2 ** 20).replace(/x/g, 'y'.repeat(1000)).length")]
    [InlineData("'x'.repeat(2 ** 20).concat(...new Array(1000).fill('x'.repeat(2 ** 20))).length")]
    [InlineData("'x'.repeat(2 ** 20).split('').map(c => c + c).length")]
    [InlineData("JSON.stringify(new Array(1000).fill('x'.repeat(2 ** 20))).length")]
    [InlineData("new Array(1000).fill('x'.repeat(2 ** 20))")]
    [InlineData("[...'x'.repeat(2 ** 22)].length")]
    [InlineData("Object.keys(Object.fromEntries(new Array(2 ** 20).fill(0).map((_, i) => [i, i]))).length")]
    [InlineData("'x'.repeat(2 ** 20).padEnd(2 ** 29, 'abc').length")]
    [InlineData("`${'x'.repeat(2 ** 24)}${'x'.repeat(2 ** 24)}${'x'.repeat(2 ** 24)}${'x'.repeat(2 ** 24)}`.length")]
    public void An_expression_cannot_allocate_far_beyond_the_memory_limit(string expression)
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Record.Exception(() => evaluator.Evaluate("gw", expression, Variables));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64L * 1024 * 1024, $"{expression} allocated {allocated / (1024 * 1024)} MB: {error?.Message}");
        Assert.IsType<ExpressionException>(error);
    }

    [Fact]
    public void The_statements_of_one_commands_expressions_share_one_budget()
    {
        var budget = new CommandBudget(EngineLimits.Default with { ExpressionStatementsPerCommand = 20_000 });
        var evaluator = new ExpressionEvaluator(budget.Limits.Expression, Now, budget);
        const string Loop = "(() => { let n = 0; for (let i = 0; i < 3000; i++) { n++; } return n; })()";

        var ran = 0;
        var error = Assert.Throws<ExpressionException>(() =>
        {
            for (; ran < 100; ran++)
            {
                evaluator.Evaluate("gw", Loop, Variables);
            }
        });

        // Each run is well under the 10,000 statements of one expression; together they reach the command's 20,000.
        Assert.InRange(ran, 2, 6);
        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }
}
