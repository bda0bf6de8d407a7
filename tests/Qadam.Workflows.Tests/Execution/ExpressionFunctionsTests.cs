using System.Text.Json.Nodes;
using Qadam.Identifiers;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Execution;

/// <summary>
/// The engine knows no country: Kazakhstan's today() and ageOn() from an IIN are registered by the host
/// (<see cref="KazakhstanExpressionFunctions"/>), and a pathway's expressions see them as before.
/// </summary>
public sealed class ExpressionFunctionsTests
{
    // 20:00 UTC on 31 August is already 1 September in Kazakhstan.
    private static readonly DateTimeOffset Now = new(2025, 8, 31, 20, 0, 0, TimeSpan.Zero);

    private static readonly JsonObject Student = new() { ["iin"] = "061211600012" };

    [Fact]
    public void The_host_registered_functions_give_Kazakhstan_today_and_the_age_an_IIN_encodes()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now, functions: new ExpressionFunctions(KazakhstanExpressionFunctions.All));

        Assert.Equal("2025-09-01", evaluator.Evaluate("gw", "today()", Student)!.GetValue<string>());
        Assert.Equal("2025-09-01T01:00:00+05:00", evaluator.Evaluate("gw", "now()", Student)!.GetValue<string>());
        Assert.Equal(18, evaluator.Evaluate("gw", "ageOn(iin, today())", Student)!.GetValue<int>());
        Assert.Equal("2006-12-11", evaluator.Evaluate("gw", "birthDate(iin)", Student)!.GetValue<string>());
        Assert.Equal("2025-09-11", evaluator.Evaluate("gw", "addDays(today(), 10)", Student)!.GetValue<string>());
    }

    [Fact]
    public void Without_the_host_functions_the_engine_knows_its_own_date_helpers_only()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now);

        Assert.Equal(9, evaluator.Evaluate("gw", "daysBetween('2025-09-01', '2025-09-10')", Student)!.GetValue<int>());
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("gw", "ageOn(iin, '2025-09-01')", Student));
    }

    [Fact]
    public void A_host_function_may_not_take_the_name_of_one_of_the_engine_s_own()
    {
        var clash = new Dictionary<string, Func<DateTimeOffset, Delegate>> { ["addDays"] = _ => new Func<int>(() => 0) };

        var error = Assert.Throws<ArgumentException>(() => new ExpressionFunctions(clash));

        Assert.Contains("addDays", error.Message, StringComparison.Ordinal);
    }
}
