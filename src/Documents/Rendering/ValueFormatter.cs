using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Qadam.Documents.Rendering;

/// <summary>
/// Turns case variables into the text a document shows, in the document's language:
/// dates as "2025 жылғы 2 мамыр" (kk) or "2 мая 2025 года" (ru), numbers with a non-breaking
/// space between thousands and a decimal comma, booleans as words.
/// </summary>
/// <remarks>
/// Month names are written out here on purpose: ICU's data for the <c>kk</c> culture differs
/// between ICU versions and distributions (documents use the official forms), and documents
/// must not change when the server's ICU is upgraded.
/// </remarks>
public static class ValueFormatter
{
    // Kazakh dates use the nominative month after the day: "2025 жылғы 2 мамыр".
    private static readonly string[] KazakhMonths =
    [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ];

    // Russian dates use the genitive month: "2 мая 2025 года".
    private static readonly string[] RussianMonths =
    [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ];

    /// <summary>Formats a calendar date, e.g. "2025 жылғы 2 мамыр" or "2 мая 2025 года".</summary>
    public static string FormatDate(DateOnly date, DocumentLanguage language) => FormatDate(date, language, KazakhCase.Nominative);

    /// <summary>
    /// Formats a calendar date with the Kazakh case the sentence needs (Russian dates are always "2 мая 2025 года"): the
    /// ending goes on the month, as the orders write it («2023 жылғы 27 қарашадағы», «2025 жылғы 2 мамырда»), so
    /// «2025 жылғы 1 қыркүйектен бастап», «2025 жылғы 13 желтоқсанға дейін», «2025 жылғы 2 мамырдағы өтінішіңіз».
    /// </summary>
    public static string FormatDate(DateOnly date, DocumentLanguage language, KazakhCase form) => language switch
    {
        DocumentLanguage.Kk => string.Create(CultureInfo.InvariantCulture,
            $"{date.Year} жылғы {date.Day} {KazakhSuffixes.Attach(KazakhMonths[date.Month - 1], form)}"),
        DocumentLanguage.Ru => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {RussianMonths[date.Month - 1]} {date.Year} года"),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "Unknown document language."),
    };

    /// <summary>Formats a date and time of day, e.g. "2 мая 2025 года, 07:30".</summary>
    public static string FormatDateTime(DateTime dateTime, DocumentLanguage language) =>
        FormatDate(DateOnly.FromDateTime(dateTime), language) + ", " + dateTime.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats a number the way both Kazakh and Russian official texts write it:
    /// thousands separated by a non-breaking space, decimal comma ("1 234,5").
    /// </summary>
    public static string FormatNumber(decimal number)
    {
        var format = new NumberFormatInfo
        {
            NumberGroupSeparator = "\u00A0",
            NumberDecimalSeparator = ",",
            NegativeSign = "-",
        };
        return number.ToString("#,0.############", format);
    }

    /// <summary>
    /// The text for one JSON value: strings as they are unless they are ISO dates
    /// (<c>yyyy-MM-dd</c>) or date-times, numbers and booleans formatted for the language,
    /// <c>null</c> as empty. Objects and arrays are not values and are refused.
    /// </summary>
    public static string Format(JsonNode? node, DocumentLanguage language) => Format(node, language, KazakhCase.Nominative);

    /// <summary>
    /// As <see cref="Format(JsonNode?, DocumentLanguage)"/>, a date taking the Kazakh case <paramref name="form"/>
    /// (a template's <c>{{periodFrom:abl}}</c>); a number takes it after a hyphen («13-ке»), other values ignore it.
    /// </summary>
    public static string Format(JsonNode? node, DocumentLanguage language, KazakhCase form)
    {
        if (node is null)
        {
            return string.Empty;
        }

        if (node is not JsonValue value)
        {
            throw new ArgumentException("Only a single value can be written into a document, not an object or a list.", nameof(node));
        }

        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return FormatDate(date, language, form);
                }

                if (text.Length > 10 && text[10] == 'T'
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
                {
                    // Shown as the wall-clock time written in the value: case variables carry
                    // Kazakhstan time (UTC+5) with their offset, and the document repeats it.
                    return FormatDateTime(moment.DateTime, language);
                }

                return text;
            case JsonValueKind.Number when language == DocumentLanguage.Kk && form != KazakhCase.Nominative
                                           && value.TryGetValue<long>(out var whole):
                return KazakhSuffixes.AttachToNumber(whole, form);
            case JsonValueKind.Number:
                return FormatNumber(decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
            case JsonValueKind.True:
                return language == DocumentLanguage.Kk ? "иә" : "да";
            case JsonValueKind.False:
                return language == DocumentLanguage.Kk ? "жоқ" : "нет";
            default:
                return value.ToJsonString();
        }
    }
}
