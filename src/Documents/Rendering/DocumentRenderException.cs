namespace Qadam.Documents.Rendering;

/// <summary>
/// A template could not be filled: variables it names are missing from the case data, or a
/// repeating section's variable is not a list. The message lists every such path, so the
/// author of the process (or of the template) knows what to add.
/// </summary>
public sealed class DocumentRenderException : Exception
{
    /// <summary>Creates the exception for the given problems.</summary>
    public DocumentRenderException(IReadOnlyList<string> problems)
        : base("The document cannot be filled: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>One line per missing or mistyped variable.</summary>
    public IReadOnlyList<string> Problems { get; }
}
