namespace Qadam.Workflows.Execution;

/// <summary>
/// Functions a host adds to the engine's expressions beside the engine's own (<c>addDays</c>, <c>daysBetween</c>,
/// <c>addWorkingDays</c>, <c>workingDaysBetween</c>): what depends on the country the engine runs in, e.g. a person's age
/// from a national identifier or "today" in the country's time zone. Each function is made per evaluation from the
/// command's instant, so every expression of one command sees the same "now". Register with
/// <see cref="WorkflowsServiceCollectionExtensions.AddExpressionFunctions"/>.
/// </summary>
public sealed class ExpressionFunctions
{
    private readonly KeyValuePair<string, Func<DateTimeOffset, Delegate>>[] _functions;

    /// <summary>The functions by the name an expression calls them by.</summary>
    public ExpressionFunctions(IEnumerable<KeyValuePair<string, Func<DateTimeOffset, Delegate>>> functions)
    {
        _functions = [.. functions];
        var clash = _functions.Select(f => f.Key).FirstOrDefault(ExpressionEvaluator.BuiltInFunctions.Contains);
        if (clash is not null)
        {
            throw new ArgumentException($"'{clash}' is one of the engine's own expression functions", nameof(functions));
        }
    }

    /// <summary>No host functions: expressions see the engine's own only.</summary>
    public static ExpressionFunctions None { get; } = new([]);

    /// <summary>The names an expression may call.</summary>
    public IEnumerable<string> Names => _functions.Select(f => f.Key);

    internal IReadOnlyList<KeyValuePair<string, Func<DateTimeOffset, Delegate>>> All => _functions;
}
