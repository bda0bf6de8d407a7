namespace Qadam.Workflows.Definitions;

/// <summary>One reason a definition is refused at upload, tied to the element it concerns.</summary>
/// <param name="ElementId">Id of the element (or of the process / definitions when the problem is the file's).</param>
/// <param name="Message">What is wrong, in words a modeler can act on.</param>
public sealed record DefinitionProblem(string ElementId, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{ElementId}: {Message}";
}
