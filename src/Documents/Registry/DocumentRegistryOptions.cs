namespace Qadam.Documents.Registry;

/// <summary>Settings of the document registry.</summary>
public sealed class DocumentRegistryOptions
{
    /// <summary>Registry number pattern used for document types without their own; see <see cref="RegistryNumberPattern"/>.</summary>
    public string NumberPattern { get; set; } = RegistryNumberPattern.Default;

    /// <summary>Patterns per document type (e.g. <c>ORDER</c> → <c>{seq}-ө/{year}</c>), overriding <see cref="NumberPattern"/>.</summary>
    public IDictionary<string, string> NumberPatternsByDocumentType { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// The offset of the registry's calendar: Kazakhstan has one time zone, UTC+5, since
    /// 1 March 2024, and the registry year and the date of issue are read in it.
    /// </summary>
    public TimeSpan UtcOffset { get; set; } = Qadam.Identifiers.KazakhstanClock.Offset;

    internal RegistryNumberPattern PatternFor(string documentType) =>
        new(NumberPatternsByDocumentType.TryGetValue(documentType, out var own) ? own : NumberPattern);
}
