namespace Qadam.Documents.Registry;

/// <summary>
/// The last registry sequence used per organisation, document type and year. Incremented by
/// <c>INSERT ... ON CONFLICT DO UPDATE ... RETURNING</c> in the transaction that stores the
/// document, so the row lock serialises concurrent issues (no duplicates) and a rolled-back issue
/// takes its number back with it (no gaps).
/// </summary>
public sealed class NumberCounter
{
    private NumberCounter()
    {
        OrganisationCode = DocumentType = string.Empty;
    }

    /// <summary>Organisation code.</summary>
    public string OrganisationCode { get; private set; }

    /// <summary>Document type.</summary>
    public string DocumentType { get; private set; }

    /// <summary>Year.</summary>
    public int Year { get; private set; }

    /// <summary>The last sequence number handed out.</summary>
    public int LastSequence { get; private set; }
}
