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

    // An expression gets only the functions it names (each costs Jint a reflection over its delegate), unless it may reach
    // one it does not name: through the global object or code compiled from a string. Each such path still finds them.
    [Theory]
    [InlineData("addDays('2025-09-01', 10)")]
    [InlineData("globalThis.addDays('2025-09-01', 10)")]
    [InlineData("globalThis['add' + 'Days']('2025-09-01', 10)")]
    [InlineData("this.addDays('2025-09-01', 10)")]
    [InlineData("this['addDays']('2025-09-01', 10)")]
    [InlineData("(() => this)()['add' + 'Days']('2025-09-01', 10)")]
    [InlineData("eval('add' + 'Days')('2025-09-01', 10)")]
    [InlineData("(0, eval)('this')['add' + 'Days']('2025-09-01', 10)")]
    [InlineData("Function('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("(() => 0).constructor('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("(() => 0)['constr' + 'uctor']('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("(() => 0)['constructor']('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("Reflect.get(() => 0, 'constr' + 'uctor')('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("Object.getOwnPropertyDescriptor(Object.getPrototypeOf(() => 0), 'constr' + 'uctor').value('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("Object.values(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(() => 0))).find(d => d.value && d.value.name === 'Function').value('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("(({ ['constr' + 'uctor']: make }) => make)(() => 0)('return add' + 'Days')()('2025-09-01', 10)")]
    [InlineData("(k => (() => 0)[k])(['constr', 'uctor'].join(''))('return add' + 'Days')()('2025-09-01', 10)")]
    public void An_engine_function_is_found_by_every_path_that_found_it_before(string expression)
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now, functions: new ExpressionFunctions(KazakhstanExpressionFunctions.All));

        Assert.Equal("2025-09-11", evaluator.Evaluate("gw", expression, Student)!.GetValue<string>());
    }

    [Theory]
    [InlineData("globalThis.today()")]
    [InlineData("this['to' + 'day']()")]
    [InlineData("Function('return to' + 'day()')()")]
    [InlineData("(() => 0).constructor('return to' + 'day()')()")]
    public void A_host_function_is_found_by_a_path_that_does_not_name_it(string expression)
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now, functions: new ExpressionFunctions(KazakhstanExpressionFunctions.All));

        Assert.Equal("2025-09-01", evaluator.Evaluate("gw", expression, Student)!.GetValue<string>());
    }

    [Fact]
    public void A_script_that_reaches_a_function_through_the_global_object_still_finds_it()
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now, functions: new ExpressionFunctions(KazakhstanExpressionFunctions.All));
        var written = new JsonObject();

        evaluator.RunScript("script", "const g = this; execution.setVariable('due', g['add' + 'Days'](g.today(), 3));", Student, null, written);

        Assert.Equal("2025-09-04", written["due"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("iin.length === 12", true)]
    [InlineData("iin[0] === '0' && iin['length'] > 0", true)]
    [InlineData("[1, 2, 3][1] === 2 && typeof iin === 'string'", true)]
    [InlineData("typeof addDays === 'function' && typeof today === 'function'", true)]
    public void An_expression_that_names_no_function_or_only_some_evaluates_as_before(string expression, bool expected)
    {
        var evaluator = new ExpressionEvaluator(ExpressionLimits.Default, Now, functions: new ExpressionFunctions(KazakhstanExpressionFunctions.All));

        Assert.Equal(expected, evaluator.IsTrue("gw", expression, Student));
    }

    [Fact]
    public void A_host_function_may_not_take_the_name_of_one_of_the_engine_s_own()
    {
        var clash = new Dictionary<string, Func<DateTimeOffset, Delegate>> { ["addDays"] = _ => new Func<int>(() => 0) };

        var error = Assert.Throws<ArgumentException>(() => new ExpressionFunctions(clash));

        Assert.Contains("addDays", error.Message, StringComparison.Ordinal);
    }
}
