using System.Text;
using System.Text.RegularExpressions;

namespace Qadam.Documents.Citations;

/// <summary>
/// Writes the BPMN's paragraph references (<c>qadam:legalBasis paragraph</c>, Russian abbreviations) the way the orders'
/// Kazakh texts cite their own paragraphs: «п. 9» → «9-тармақ», «п. 3 пп. 4)» → «3-тармағының 4) тармақшасы»,
/// «пп. 18-20» → «18-20-тармақтар», «пп. 20, 26-28, 34» → «20-тармақ, 26-28-тармақтар, 34-тармақ», «приложение 1» →
/// «1-қосымша», «п. 9, часть вторая» → «9-тармағының екінші бөлігі» (order 103: «осы Қағидалардың
/// 3-тармағының 3) және 4) тармақшаларында», «8 және 9 - тармақтарында»). A reference with free text (a colon, a
/// parenthesis, a word) is not guessed: <see cref="Translate"/> gives null and the citation table must spell it out.
/// </summary>
public static partial class KazakhParagraphs
{
    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["первая"] = "бірінші", ["вторая"] = "екінші", ["третья"] = "үшінші", ["четвёртая"] = "төртінші", ["четвертая"] = "төртінші",
    };

    [GeneratedRegex(@"\G\s*(?:(?<annex>приложение\s+(?<annexNumber>\d+))|(?<par>п\.\s*(?<number>\d+(?:-\d+)?))"
                    + @"|(?<list>пп\.\s*(?<listNumber>\d+(?:\s*-\s*\d+)?)(?!\d|\s*\)|\s*-))"
                    + @"|(?<bare>(?<bareNumber>\d+(?:\s*-\s*\d+)?)(?!\d|\s*\)|\s*-))"
                    + @"|(?<sub>(?:пп\.\s*)?(?<subNumber>\d+\)))|(?<part>часть\s+(?<ordinal>\p{L}+))|(?<comma>,))",
        RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>The Kazakh reference, or null when <paramref name="russian"/> holds more than paragraph numbers.</summary>
    public static string? Translate(string? russian)
    {
        if (string.IsNullOrWhiteSpace(russian))
        {
            return null;
        }

        var items = new List<Item>();
        var inList = false; // after «пп. 20,» a bare number is another paragraph: «пп. 20, 26-28, 34»
        var position = 0;
        var text = russian.Trim();
        while (position < text.Length)
        {
            var match = Token().Match(text, position);
            if (!match.Success || match.Length == 0)
            {
                return text[position..].Trim().Length == 0 ? Render(items) : null;
            }

            position = match.Index + match.Length;
            if (match.Groups["annex"].Success)
            {
                items.Add(new Item(match.Groups["annexNumber"].Value, Kind.Annex));
                inList = false;
            }
            else if (match.Groups["list"].Success || (match.Groups["bare"].Success && inList))
            {
                var number = (match.Groups["list"].Success ? match.Groups["listNumber"] : match.Groups["bareNumber"]).Value.Replace(" ", "", StringComparison.Ordinal);
                items.Add(new Item(number, number.Contains('-', StringComparison.Ordinal) ? Kind.Range : Kind.Paragraph));
                inList = true;
            }
            else if (match.Groups["bare"].Success)
            {
                return null;
            }
            else if (match.Groups["par"].Success)
            {
                items.Add(new Item(match.Groups["number"].Value, Kind.Paragraph));
                inList = false;
            }
            else if (match.Groups["sub"].Success)
            {
                if (items.Count == 0 || items[^1].Kind != Kind.Paragraph)
                {
                    return null;
                }

                inList = false;
                items[^1].Subparagraphs.Add(match.Groups["subNumber"].Value);
            }
            else if (match.Groups["part"].Success)
            {
                if (items.Count == 0 || items[^1].Kind != Kind.Paragraph || !Parts.TryGetValue(match.Groups["ordinal"].Value, out var ordinal))
                {
                    return null;
                }

                items[^1].Part = ordinal;
            }
        }

        return Render(items);
    }

    private static string? Render(List<Item> items)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var result = new StringBuilder();
        foreach (var item in items)
        {
            if (result.Length > 0)
            {
                result.Append(", ");
            }

            if (item.Kind == Kind.Annex)
            {
                result.Append(item.Number).Append("-қосымша");
            }
            else if (item.Kind == Kind.Range)
            {
                result.Append(item.Number).Append("-тармақтар");
            }
            else if (item.Subparagraphs.Count > 0)
            {
                result.Append(item.Number).Append("-тармағының ").AppendJoin(", ", item.Subparagraphs)
                    .Append(item.Subparagraphs.Count == 1 ? " тармақшасы" : " тармақшалары");
            }
            else if (item.Part is { } part)
            {
                result.Append(item.Number).Append("-тармағының ").Append(part).Append(" бөлігі");
            }
            else
            {
                result.Append(item.Number).Append("-тармақ");
            }
        }

        return result.ToString();
    }

    private enum Kind
    {
        Paragraph,
        Range,
        Annex,
    }

    private sealed record Item(string Number, Kind Kind)
    {
        public List<string> Subparagraphs { get; } = [];

        public string? Part { get; set; }
    }
}
