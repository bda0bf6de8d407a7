namespace Qadam.Documents.Templates;

/// <summary>
/// Variables the registry fills itself when it issues a document, so every template may use them
/// without the process declaring them: the registry number and the date of issue, which only the registry knows.
/// </summary>
public static class ReservedVariables
{
    /// <summary>The registry number, e.g. <c>SCH001-ORDER-2025-0042</c>.</summary>
    public const string DocumentNumber = "document.number";

    /// <summary>The date of issue in Kazakhstan time (UTC+5), formatted for the document's language.</summary>
    public const string DocumentDate = "document.date";

    /// <summary>All reserved variable paths.</summary>
    public static IReadOnlyList<string> All { get; } = [DocumentNumber, DocumentDate];
}
