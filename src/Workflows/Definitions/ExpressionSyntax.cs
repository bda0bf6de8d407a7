using Acornima;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// Checks that an expression parses as JavaScript with Acornima, the parser Jint runs on, in strict
/// mode as the engine evaluates it; a typo is then refused at upload instead of failing a case.
/// </summary>
internal static class ExpressionSyntax
{
    /// <summary>Null when <paramref name="expression"/> parses as one JavaScript expression, else why not.</summary>
    public static string? Check(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "is empty";
        }

        try
        {
            new Parser().ParseExpression(expression, sourceFile: null, strict: true);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return $"does not parse as JavaScript: {ex.Description} (column {ex.Column + 1})";
        }
        catch (InsufficientExecutionStackException)
        {
            // Acornima parses recursively and stops itself before the stack runs out.
            return "is nested too deeply to parse";
        }
    }

    /// <summary>Null when <paramref name="script"/> parses as a strict-mode JavaScript script (a script task's), else why not.</summary>
    public static string? CheckScript(string script)
    {
        try
        {
            new Parser().ParseScript(script, sourceFile: null, strict: true);
            return null;
        }
        catch (ParseErrorException ex)
        {
            return $"does not parse as JavaScript: {ex.Description} (line {ex.LineNumber}, column {ex.Column + 1})";
        }
        catch (InsufficientExecutionStackException)
        {
            return "is nested too deeply to parse";
        }
    }

    /// <summary>
    /// The expression text of a pure-expression field: trimmed, with a Camunda-style <c>${...}</c>
    /// wrapper or a leading <c>=</c> (Zeebe style) taken off, so files from those modelers read as they
    /// meant; null when nothing is left.
    /// </summary>
    public static string? Normalize(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}'))
        {
            value = value[2..^1].Trim();
        }
        else if (value.StartsWith('='))
        {
            value = value[1..].Trim();
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// The text of a field that holds either a literal or an expression after "=" (timers, deadlines):
    /// trimmed, with a <c>${...}</c> wrapper turned into the "=" form the engine resolves.
    /// </summary>
    public static string? NormalizeLiteralOrExpression(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return value.StartsWith("${", StringComparison.Ordinal) && value.EndsWith('}')
            ? "=" + value[2..^1].Trim()
            : value;
    }
}
