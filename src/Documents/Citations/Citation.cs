namespace Qadam.Documents.Citations;

/// <summary>One legal basis as a reader sees it: the act's official name and the paragraph, in Kazakh and in Russian.</summary>
/// <param name="Kk">«Қазақстан Республикасы Оқу-ағарту министрінің 2023 жылғы 27 қарашадағы № 349 бұйрығына 2-қосымша, 9-тармақ».</param>
/// <param name="Ru">«приложение 2 к приказу Министра просвещения Республики Казахстан от 27 ноября 2023 года № 349, п. 9».</param>
public sealed record Citation(string Kk, string Ru)
{
    /// <summary>The text in a document's language.</summary>
    public string In(Rendering.DocumentLanguage language) => language == Rendering.DocumentLanguage.Kk ? Kk : Ru;
}
