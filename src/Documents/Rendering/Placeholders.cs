using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qadam.Documents.Rendering;

/// <summary>
/// Plain-text placeholders <c>{{student.fullName}}</c> inside a paragraph. Word and LibreOffice
/// split typed text into several runs (spell-check marks, an edit in the middle, a change of
/// language), so <c>{{stu</c>, <c>dent.full</c>, <c>Name}}</c> may sit in three runs (Word
/// splits runs on spelling marks and edits, and the placeholder must still work). The paragraph's run text is
/// read as one string, and each replacement is written into the run where the placeholder starts,
/// keeping that run's formatting.
/// </summary>
internal static partial class Placeholders
{
    [GeneratedRegex(@"\{\{\s*([^{}]+?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The placeholders of one paragraph and whether its braces are balanced.</summary>
    public static (IReadOnlyList<string> Names, bool Balanced) Find(Paragraph paragraph)
    {
        var text = string.Concat(Texts(paragraph).Select(t => t.Text));
        var names = Pattern().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var rest = Pattern().Replace(text, string.Empty);
        return (names, !rest.Contains("{{", StringComparison.Ordinal) && !rest.Contains("}}", StringComparison.Ordinal));
    }

    /// <summary>Replaces every placeholder of the paragraph by <paramref name="valueOf"/>(name).</summary>
    public static void Replace(Paragraph paragraph, Func<string, string> valueOf)
    {
        var texts = Texts(paragraph).ToList();
        if (texts.Count == 0)
        {
            return;
        }

        var values = texts.Select(t => t.Text).ToArray();
        var starts = new int[values.Length];
        var joined = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            starts[i] = joined.Length;
            joined.Append(values[i]);
        }

        var matches = Pattern().Matches(joined.ToString());
        if (matches.Count == 0)
        {
            return;
        }

        // Right to left, so earlier offsets stay valid while later text is rewritten.
        for (var m = matches.Count - 1; m >= 0; m--)
        {
            var match = matches[m];
            var (first, firstOffset) = Locate(starts, values, match.Index);
            var (last, lastOffset) = Locate(starts, values, match.Index + match.Length - 1);
            var replacement = valueOf(match.Groups[1].Value);
            if (first == last)
            {
                values[first] = values[first][..firstOffset] + replacement + values[first][(lastOffset + 1)..];
            }
            else
            {
                values[first] = values[first][..firstOffset] + replacement;
                for (var i = first + 1; i < last; i++)
                {
                    values[i] = string.Empty;
                }

                values[last] = values[last][(lastOffset + 1)..];
            }
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (!string.Equals(texts[i].Text, values[i], StringComparison.Ordinal))
            {
                texts[i].Text = values[i];
                texts[i].Space = SpaceProcessingModeValues.Preserve;
            }
        }
    }

    private static (int Index, int Offset) Locate(int[] starts, string[] values, int position)
    {
        for (var i = starts.Length - 1; i >= 0; i--)
        {
            if (starts[i] <= position && values[i].Length > 0)
            {
                return (i, position - starts[i]);
            }
        }

        return (0, position);
    }

    // Text of the paragraph's own runs (and of runs in hyperlinks, smart tags and the like),
    // but not of nested content controls: those are filled by their own tag.
    private static IEnumerable<Text> Texts(OpenXmlElement element)
    {
        foreach (var child in element.ChildElements)
        {
            if (child is SdtElement)
            {
                continue;
            }

            if (child is Text text)
            {
                yield return text;
            }
            else
            {
                foreach (var nested in Texts(child))
                {
                    yield return nested;
                }
            }
        }
    }
}
