namespace Qadam.Workflows.Definitions;

/// <summary>One reason a definition is refused at upload, tied to the element it concerns.</summary>
/// <param name="ElementId">Id of the element (or of the process / definitions when the problem is the file's).</param>
/// <param name="Message">What is wrong, in words a modeler can act on.</param>
public sealed record DefinitionProblem(string ElementId, string Message)
{
    /// <summary>The longest excerpt of the file's own text a message quotes.</summary>
    internal const int MaxQuoted = 80;

    /// <inheritdoc />
    public override string ToString() => $"{ElementId}: {Message}";

    /// <summary>Quotes text from the file in a message, cut short so a hostile file cannot make the message huge.</summary>
    internal static string Quote(string text) => text.Length <= MaxQuoted ? $"'{text}'" : $"'{text[..MaxQuoted]}…'";
}
