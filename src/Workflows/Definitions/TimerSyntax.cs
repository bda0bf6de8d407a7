using System.Globalization;
using System.Text.RegularExpressions;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Workflows.Definitions;

/// <summary>
/// Checks the literal (non-expression) text of timers and deadlines as ISO 8601, in the forms the
/// engine computes due times from: a duration (P3D, PT2H), a date-time with its offset, and a cycle
/// R[n]/duration or R[n]/start/duration.
/// </summary>
internal static partial class TimerSyntax
{
    /// <summary>Null when <paramref name="text"/> is a valid <paramref name="kind"/>, else why not.</summary>
    public static string? Check(TimerKind kind, string text) => kind switch
    {
        TimerKind.Date => IsDateTime(text)
            ? null
            : $"{DefinitionProblem.Quote(text)} is not an ISO 8601 date-time with an offset, e.g. 2026-09-01T09:00:00+05:00",
        TimerKind.Duration => IsDuration(text) ? null : $"{DefinitionProblem.Quote(text)} is not an ISO 8601 duration, e.g. P3D or PT2H",
        _ => IsCycle(text)
            ? null
            : $"{DefinitionProblem.Quote(text)} is not an ISO 8601 cycle, e.g. R3/PT1H or R/2026-09-01T09:00:00+05:00/P1D",
    };

    /// <summary>A deadline is a duration from when the task opens, or a fixed date-time.</summary>
    public static string? CheckDeadline(string text) =>
        IsDuration(text) || IsDateTime(text)
            ? null
            : $"{DefinitionProblem.Quote(text)} is neither an ISO 8601 duration (P10D) "
              + "nor a date-time with an offset (2026-09-01T09:00:00+05:00)";

    // The grammar the engine computes due times with; a negative or empty duration means nothing here.
    public static bool IsDuration(string text) => IsoDuration.TryParse(text, out var duration) && duration.IsPositive;

    public static bool IsDateTime(string text) =>
        DateTimeShape().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsCycle(string text)
    {
        var parts = text.Split('/');
        return parts.Length is 2 or 3
               && RepeatShape().IsMatch(parts[0])
               && (parts.Length == 2 || IsDateTime(parts[1]))
               && IsDuration(parts[^1]);
    }

    // An offset is required: a bare local time means different instants to different tools.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeShape();

    [GeneratedRegex(@"^R\d*$", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatShape();
}
