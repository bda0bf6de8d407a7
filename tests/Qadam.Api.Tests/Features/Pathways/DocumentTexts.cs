namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>What a reader must find in a pathway's documents, in the case's language (the templates of workflows/*/templates).</summary>
internal static class DocumentTexts
{
    /// <summary>The act of the 2025 edition as the BPMN steps cite it (qadam:legalBasis act).</summary>
    public const string Act2025 = "Приказ Министра просвещения РК от 27.11.2023 № 349 в редакции приказа от 02.05.2025 № 103";

    /// <summary>The 2025 edition's Annex 1 as a document in <paramref name="language"/> cites it (workflows/citations.json).</summary>
    public static string Act2025In(string language) => language == "kk"
        ? "Қазақстан Республикасы Оқу-ағарту министрінің 2023 жылғы 27 қарашадағы № 349 бұйрығына 1-қосымша (Қазақстан Республикасы "
          + "Оқу-ағарту министрінің 2025 жылғы 2 мамырдағы № 103 бұйрығының редакциясында"
        : "приложение 1 к приказу Министра просвещения Республики Казахстан от 27 ноября 2023 года № 349 (в редакции приказа "
          + "Министра просвещения Республики Казахстан от 2 мая 2025 года № 103";

    /// <summary>The 2025 edition's Annex 2 (online learning in TVET) as a document cites it.</summary>
    public static string Act2025Annex2In(string language) => language == "kk"
        ? "Қазақстан Республикасы Оқу-ағарту министрінің 2023 жылғы 27 қарашадағы № 349 бұйрығына 2-қосымша (Қазақстан Республикасы "
          + "Оқу-ағарту министрінің 2025 жылғы 2 мамырдағы № 103 бұйрығының редакциясында"
        : "приложение 2 к приказу Министра просвещения Республики Казахстан от 27 ноября 2023 года № 349 (в редакции приказа "
          + "Министра просвещения Республики Казахстан от 2 мая 2025 года № 103";

    /// <summary>The 2023 edition (Annex 2 of order 349) as a document cites it.</summary>
    public static string Act2023In(string language) => language == "kk"
        ? "Қазақстан Республикасы Оқу-ағарту министрінің 2023 жылғы 27 қарашадағы № 349 бұйрығына 2-қосымша"
        : "приложение 2 к приказу Министра просвещения Республики Казахстан от 27 ноября 2023 года № 349";

    /// <summary>A paragraph reference as the BPMN writes it (Russian), in the document's language.</summary>
    public static string Paragraph(string language, string russian) =>
        language == "kk" ? Qadam.Documents.Citations.KazakhParagraphs.Translate(russian)! : russian;

    public static string OrderTitle(string language) => language == "kk" ? "БҰЙРЫҚ" : "ПРИКАЗ";

    public static string NoticeTitle(string language) => language == "kk" ? "ХАБАРЛАМА" : "УВЕДОМЛЕНИЕ";

    /// <summary>The lead-in of the citation line every document ends with.</summary>
    public static string Basis(string language) => language == "kk" ? "Негіздеме:" : "Основание:";

    public static string School1(string language) => language == "kk" ? "№ 1 мектеп-лицей" : "Школа-лицей № 1";

    public static string Transferred(string language) => language == "kk" ? "Қашықтан оқытуға ауыстырылды" : "Переведён на дистанционное обучение";

    /// <summary>Asserts the text holds each expected piece (pdftotext breaks lines anywhere, so whitespace is collapsed on both sides).</summary>
    public static void Contains(string text, params string[] expected)
    {
        foreach (var piece in expected)
        {
            var normalised = Qadam.Testing.LibreOffice.Normalise(piece);
            // pdftotext drops the hyphen of a word it finds broken at a line end (s1-ORDER-… → s1ORDER-…).
            Assert.True(text.Contains(normalised, StringComparison.Ordinal)
                        || text.Replace("-", string.Empty, StringComparison.Ordinal).Contains(normalised.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal),
                $"'{piece}' is not in: {text}");
        }
    }
}
