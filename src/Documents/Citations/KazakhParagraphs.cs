using System.Text;
using System.Text.RegularExpressions;

namespace Qadam.Documents.Citations;

/// <summary>
/// Writes the BPMN's paragraph references (<c>qadam:legalBasis paragraph</c>, Russian abbreviations) the way the orders'
/// Kazakh texts cite their own paragraphs: «п. 9» → «9-тармақ», «п. 3 пп. 4)» → «3-тармағының 4) тармақшасы»,
/// «пп. 18-20» → «18-20-тармақтар», «п. 9, часть вторая» → «9-тармағының екінші бөлігі» (order 103: «осы Қағидалардың
/// 3-тармағының 3) және 4) тармақшаларында», «8 және 9 - тармақтарында»). A reference with free text (a colon, a
/// parenthesis, a word) is not guessed: <see cref="Translate"/> gives null and the citation table must spell it out.
/// </summary>
public static partial class KazakhParagraphs
{
    private static readonly Dictionary<string, string> Parts = new(StringComparer.Ordinal)
    {
        ["первая"] = "бірінші", ["вторая"] = "екінші", ["третья"] = "үшінші", ["четвёртая"] = "төртінші", ["четвертая"] = "төртінші",
    };

    [GeneratedRegex(@"\G\s*(?:(?<range>пп\.\s*(?<from>\d+)\s*-\s*(?<to>\d+)(?!\s*\)))|(?<par>п\.\s*(?<number>\d+(?:-\d+)?))"
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
            if (match.Groups["range"].Success)
            {
                items.Add(new Item($"{match.Groups["from"].Value}-{match.Groups["to"].Value}", Range: true));
            }
            else if (match.Groups["par"].Success)
            {
                items.Add(new Item(match.Groups["number"].Value, Range: false));
            }
            else if (match.Groups["sub"].Success)
            {
                if (items.Count == 0 || items[^1].Range)
                {
                    return null;
                }

                items[^1].Subparagraphs.Add(match.Groups["subNumber"].Value);
            }
            else if (match.Groups["part"].Success)
            {
                if (items.Count == 0 || items[^1].Range || !Parts.TryGetValue(match.Groups["ordinal"].Value, out var ordinal))
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

            if (item.Range)
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

    private sealed record Item(string Number, bool Range)
    {
        public List<string> Subparagraphs { get; } = [];

        public string? Part { get; set; }
    }
}
