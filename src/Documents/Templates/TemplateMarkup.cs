using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qadam.Documents.Rendering;

namespace Qadam.Documents.Templates;

/// <summary>
/// Builds a DOCX template from a short text source, so the templates a pathway ships are reviewed as text in the
/// repository instead of as opaque binaries, so a change is reviewed as text. The result is an ordinary template: placeholders stay
/// <c>{{path}}</c>, blocks become content controls (<c>if:</c>, <c>each:</c>), so it can be downloaded, edited in Word
/// and uploaded again.
/// </summary>
/// <remarks>
/// One line is one paragraph; blank lines and lines starting with <c>//</c> are skipped.
/// <list type="bullet">
/// <item><c># text</c>: a centred bold heading; <c>## text</c>: a centred line.</item>
/// <item><c>= text</c>: a left-aligned line without indent; <c>left &gt;&gt; right</c> puts <c>right</c> at the right margin.</item>
/// <item>any other line: a justified paragraph with a first-line indent.</item>
/// <item><c>@if condition</c> … <c>@end</c>: a section kept or dropped by <see cref="TemplateRenderer"/> (<c>if:</c> tag).</item>
/// <item><c>@each list</c> … <c>@end</c>: paragraphs repeated per item, inner placeholders relative to the item.</item>
/// <item><c>@table list</c>, a header row <c>| a | b |</c>, a row <c>| {{x}} | {{y}} |</c> repeated per item, <c>@end</c>.</item>
/// <item>inline: <c>**bold**</c> and <c>[if:condition]text[/if]</c>.</item>
/// </list>
/// </remarks>
public static partial class TemplateMarkup
{
    // A4 with the margins of Kazakh office-work rules (left 30 mm, right 15 mm, top and bottom 20 mm).
    private const int TextWidthTwips = 11906 - 1701 - 850;

    [GeneratedRegex(@"\*\*|\[if:([^\]]+)\]|\[/if\]", RegexOptions.CultureInvariant)]
    private static partial Regex InlineToken();

    /// <summary>Builds the DOCX for <paramref name="source"/>, marked as written in <paramref name="language"/>.</summary>
    /// <exception cref="FormatException">A block is not closed, or an <c>@end</c> or a table row stands where none fits.</exception>
    public static byte[] ToDocx(string source, DocumentLanguage language)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        var body = new Body();
        foreach (var element in Block(lines, ref index, closing: null))
        {
            body.Append(element);
        }

        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 709, Footer = 709, Gutter = 0 }));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "26" },
                    new Languages { Val = language == DocumentLanguage.Kk ? "kk-KZ" : "ru-RU" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static List<OpenXmlElement> Block(string[] lines, ref int index, string? closing)
    {
        var elements = new List<OpenXmlElement>();
        while (index < lines.Length)
        {
            var number = index + 1;
            var line = lines[index++].TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed == "@end")
            {
                return closing is not null ? elements : throw new FormatException($"Line {number}: @end closes no block.");
            }

            if (trimmed.StartsWith("@if ", StringComparison.Ordinal) || trimmed.StartsWith("@each ", StringComparison.Ordinal))
            {
                var isIf = trimmed.StartsWith("@if ", StringComparison.Ordinal);
                var argument = trimmed[(isIf ? 4 : 6)..].Trim();
                var inner = Block(lines, ref index, trimmed);
                var content = new SdtContentBlock();
                content.Append(inner.Count > 0 ? inner : [new Paragraph()]);
                elements.Add(new SdtBlock(Properties((isIf ? "if:" : "each:") + argument), content));
                continue;
            }

            if (trimmed.StartsWith("@table ", StringComparison.Ordinal))
            {
                elements.Add(Table(trimmed[7..].Trim(), lines, ref index, number));
                elements.Add(new Paragraph());
                continue;
            }

            if (trimmed.StartsWith('@') || trimmed.StartsWith('|'))
            {
                throw new FormatException($"Line {number}: '{trimmed}' is not a known block line (@if, @each, @table, @end).");
            }

            elements.Add(Paragraph(trimmed));
        }

        return closing is null ? elements : throw new FormatException($"'{closing}' is not closed by @end.");
    }

    private static Table Table(string listPath, string[] lines, ref int index, int opened)
    {
        var rows = new List<string[]>();
        while (index < lines.Length)
        {
            var trimmed = lines[index++].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            if (trimmed == "@end")
            {
                break;
            }

            if (!trimmed.StartsWith('|') || !trimmed.EndsWith('|') || trimmed.Length < 2)
            {
                throw new FormatException($"Line {index}: a table row is written | cell | cell |.");
            }

            rows.Add([.. trimmed[1..^1].Split('|').Select(c => c.Trim())]);
        }

        if (rows.Count != 2 || rows[0].Length != rows[1].Length)
        {
            throw new FormatException($"Line {opened}: @table takes a header row and one repeated row with as many cells.");
        }

        var width = TextWidthTwips / rows[0].Length;
        var border = () => new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(border(), new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(new TableGrid(rows[0].Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(rows[0].Select(h => new TableCell(Cell(width), Paragraph("= **" + h + "**")))));
        var row = new TableRow(rows[1].Select(c => new TableCell(Cell(width), Paragraph("= " + c))));
        table.Append(new SdtRow(Properties("each:" + listPath), new SdtContentRow(row)));
        return table;
    }

    private static TableCellProperties Cell(int width) =>
        new(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    private static Paragraph Paragraph(string line)
    {
        var properties = new ParagraphProperties();
        var text = line;
        var bold = false;
        if (line.StartsWith("## ", StringComparison.Ordinal))
        {
            properties.Append(new Justification { Val = JustificationValues.Center });
            text = line[3..];
        }
        else if (line.StartsWith("# ", StringComparison.Ordinal))
        {
            properties.Append(new SpacingBetweenLines { Before = "120", After = "120" });
            properties.Append(new Justification { Val = JustificationValues.Center });
            text = line[2..];
            bold = true;
        }
        else if (line.StartsWith("= ", StringComparison.Ordinal) || line == "=")
        {
            text = line.Length > 2 ? line[2..] : string.Empty;
        }
        else
        {
            properties.Append(new Justification { Val = JustificationValues.Both });
            properties.Append(new Indentation { FirstLine = "709" });
        }

        var split = text.IndexOf(" >> ", StringComparison.Ordinal);
        if (split >= 0)
        {
            properties.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidthTwips }));
        }

        var paragraph = new Paragraph(properties);
        if (split >= 0)
        {
            Inline(paragraph, text[..split], bold);
            paragraph.Append(new Run(new TabChar()));
            Inline(paragraph, text[(split + 4)..], bold);
        }
        else
        {
            Inline(paragraph, text, bold);
        }

        return paragraph;
    }

    // Text with **bold** toggles and [if:...]...[/if] inline sections (not nested), as runs of the paragraph.
    private static void Inline(Paragraph paragraph, string text, bool bold)
    {
        OpenXmlCompositeElement target = paragraph;
        var position = 0;
        foreach (Match token in InlineToken().Matches(text))
        {
            AddRun(target, text[position..token.Index], bold);
            position = token.Index + token.Length;
            if (token.Value == "**")
            {
                bold = !bold;
            }
            else if (token.Groups[1].Success)
            {
                if (target != paragraph)
                {
                    throw new FormatException($"'{text}': inline [if:...] sections do not nest.");
                }

                var content = new SdtContentRun();
                paragraph.Append(new SdtRun(Properties("if:" + token.Groups[1].Value.Trim()), content));
                target = content;
            }
            else
            {
                target = target != paragraph ? paragraph : throw new FormatException($"'{text}': [/if] closes no [if:...].");
            }
        }

        AddRun(target, text[position..], bold);
        if (target != paragraph)
        {
            throw new FormatException($"'{text}': [if:...] is not closed by [/if].");
        }
    }

    private static void AddRun(OpenXmlCompositeElement target, string text, bool bold)
    {
        if (text.Length == 0)
        {
            return;
        }

        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }

        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        target.Append(run);
    }

    private static SdtProperties Properties(string tag) => new(new SdtAlias { Val = tag }, new Tag { Val = tag });
}
