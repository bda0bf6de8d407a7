namespace Qadam.Workflows.Definitions;

/// <summary>How much a problem stops: the file from running at all, or only from being published.</summary>
public enum ProblemSeverity
{
    /// <summary>The engine cannot run it: refused at upload.</summary>
    Error,

    /// <summary>
    /// Only publishing needs it (candidate roles, an activity, form, template, table or called definition bound by name):
    /// a draft drawn in another tool is saved with it listed, and publishing is refused until it is fixed.
    /// </summary>
    Warning,
}

/// <summary>One reason a definition is refused at upload (or, as a warning, at publication), tied to the element it concerns.</summary>
/// <param name="ElementId">Id of the element (or of the process / definitions when the problem is the file's).</param>
/// <param name="Message">What is wrong, in words a modeler can act on.</param>
public sealed record DefinitionProblem(string ElementId, string Message)
{
    /// <summary>Error (cannot run) or warning (cannot be published yet).</summary>
    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;

    /// <summary>
    /// True for a drawing not finished yet (a flow without a target, an event without its message, timer or condition): a
    /// modeler's draft is saved with it, as a warning, but nothing of the file runs, not even a dry run, until it is finished.
    /// </summary>
    public bool Unfinished { get; init; }

    /// <summary>
    /// A stable code for what is wrong, e.g. <c>timer.no-value</c>, by which a caller words it in Kazakh or Russian
    /// (<see cref="DefinitionProblemTexts"/>); <c>definition.invalid</c> for a problem that has only its English message.
    /// </summary>
    public string Code { get; init; } = DefinitionProblemTexts.Generic;

    /// <summary>A problem only publishing needs fixed.</summary>
    internal static DefinitionProblem Warning(string elementId, string code, string message) =>
        new(elementId, message) { Severity = ProblemSeverity.Warning, Code = code };

    /// <summary>A part of the drawing not finished yet: the draft is saved, nothing runs until it is finished.</summary>
    internal static DefinitionProblem Incomplete(string elementId, string code, string message) =>
        new(elementId, message) { Severity = ProblemSeverity.Warning, Unfinished = true, Code = code };

    /// <summary>The longest excerpt of the file's own text a message quotes.</summary>
    internal const int MaxQuoted = 80;

    /// <inheritdoc />
    public override string ToString() => $"{ElementId}: {Message}";

    /// <summary>Quotes text from the file in a message, cut short so a hostile file cannot make the message huge.</summary>
    internal static string Quote(string text) => text.Length <= MaxQuoted ? $"'{text}'" : $"'{text[..MaxQuoted]}…'";
}
