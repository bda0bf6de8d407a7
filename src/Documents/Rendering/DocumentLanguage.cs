namespace Qadam.Documents.Rendering;

/// <summary>
/// The language a document is issued in. Kazakh is the state language and Russian is used
/// officially on a par with it (Constitution art. 7; Law on languages art. 5), so every
/// template exists in one of the two and values are formatted for it.
/// </summary>
public enum DocumentLanguage
{
    /// <summary>Kazakh (қазақ тілі).</summary>
    Kk,

    /// <summary>Russian (русский язык).</summary>
    Ru,
}

/// <summary>Conversions between <see cref="DocumentLanguage"/> and the ISO 639-1 codes stored and sent over the API.</summary>
public static class DocumentLanguageExtensions
{
    /// <summary>The ISO 639-1 code: <c>kk</c> or <c>ru</c>.</summary>
    public static string ToCode(this DocumentLanguage language) => language switch
    {
        DocumentLanguage.Kk => "kk",
        DocumentLanguage.Ru => "ru",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown document language."),
    };

    /// <summary>Parses <c>kk</c> or <c>ru</c> (case-insensitive).</summary>
    public static DocumentLanguage ParseLanguageCode(string code) => code.ToLowerInvariant() switch
    {
        "kk" => DocumentLanguage.Kk,
        "ru" => DocumentLanguage.Ru,
        _ => throw new ArgumentException($"Unknown document language '{code}'; expected 'kk' or 'ru'.", nameof(code)),
    };
}
