using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Office2013.Word;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Qadam.Documents.Tests.Samples;

/// <summary>
/// Builds DOCX templates in code the way Word stores them: content controls with tags,
/// repeating sections (w15:repeatingSection) or <c>each:</c> controls around table rows and
/// paragraphs, and placeholders deliberately split across runs as an editor leaves them.
/// </summary>
internal sealed class TemplateBuilder
{
    private readonly List<OpenXmlElement> _content = [];

    public TemplateBuilder Title(string text)
    {
        _content.Add(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new RunProperties(new Bold()), new Text(text))));
        return this;
    }

    /// <summary>A paragraph whose text is given in pieces, each its own run: "{{stu", "dent.full", "Name}}".</summary>
    public TemplateBuilder Text(params string[] runs)
    {
        _content.Add(SplitParagraph(runs));
        return this;
    }

    /// <summary>A paragraph: label text, then an inline content control tagged <paramref name="tag"/>.</summary>
    public TemplateBuilder Field(string label, string tag, string after = "")
    {
        var paragraph = new Paragraph(new Run(new Text(label) { Space = SpaceProcessingModeValues.Preserve }), InlineControl(tag));
        if (after.Length > 0)
        {
            paragraph.Append(new Run(new Text(after) { Space = SpaceProcessingModeValues.Preserve }));
        }

        _content.Add(paragraph);
        return this;
    }

    /// <summary>A block content control holding two paragraphs of placeholder text.</summary>
    public TemplateBuilder BlockField(string tag)
    {
        _content.Add(new SdtBlock(
            Properties(tag),
            new SdtContentBlock(
                new Paragraph(new Run(new RunProperties(new Italic()), new Text("Мәтінді енгізіңіз / введите текст"))),
                new Paragraph(new Run(new Text("...."))))));
        return this;
    }

    /// <summary>Paragraphs repeated per item with an <c>each:</c> block control; pieces may contain relative placeholders.</summary>
    public TemplateBuilder EachParagraph(string listPath, params string[] runs)
    {
        _content.Add(new SdtBlock(Properties(ContentControlsEach(listPath)), new SdtContentBlock(SplitParagraph(runs))));
        return this;
    }

    /// <summary>
    /// A table: a header row, then one row repeated per item of <paramref name="listPath"/>.
    /// <paramref name="wordRepeatingSection"/> uses Word's w15:repeatingSection/repeatingSectionItem;
    /// otherwise an <c>each:</c> control wraps the row. Cells with a name in braces are
    /// placeholders (split in two runs); other cell values are inline content control tags.
    /// </summary>
    public TemplateBuilder Table(string listPath, bool wordRepeatingSection, string[] headers, string[] cells)
    {
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }));
        table.Append(new TableGrid(headers.Select(_ => new GridColumn { Width = "2000" })));
        table.Append(new TableRow(headers.Select(h => new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(h)))))));
        var row = new TableRow(cells.Select(c => new TableCell(c.StartsWith("{{", StringComparison.Ordinal)
            ? SplitParagraph(c[..(c.Length / 2)], c[(c.Length / 2)..])
            : new Paragraph(InlineControl(c)))));
        if (wordRepeatingSection)
        {
            table.Append(new SdtRow(
                new SdtProperties(new Tag { Val = listPath }, new SdtAlias { Val = listPath }, new SdtRepeatedSection()),
                new SdtContentRow(new SdtRow(
                    new SdtProperties(new SdtRepeatedSectionItem()),
                    new SdtContentRow(row)))));
        }
        else
        {
            table.Append(new SdtRow(Properties(ContentControlsEach(listPath)), new SdtContentRow(row)));
        }

        _content.Add(table);
        _content.Add(new Paragraph());
        return this;
    }

    public byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var element in _content)
            {
                body.Append(element.CloneNode(deep: true));
            }

            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 709, Footer = 709, Gutter = 0 }));
            main.Document = new Document(body);
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Liberation Serif", HighAnsi = "Liberation Serif", ComplexScript = "Liberation Serif" },
                    new FontSize { Val = "24" }))));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static string ContentControlsEach(string listPath) => "each:" + listPath;

    private static SdtProperties Properties(string tag) => new(new SdtAlias { Val = tag }, new Tag { Val = tag });

    private static SdtRun InlineControl(string tag) => new(
        Properties(tag),
        new SdtContentRun(new Run(new RunProperties(new Underline { Val = UnderlineValues.Single }), new Text("[" + tag + "]"))));

    private static Paragraph SplitParagraph(params string[] runs)
    {
        var paragraph = new Paragraph();
        foreach (var piece in runs)
        {
            // A proofing mark between runs, as Word leaves after spell-checking.
            paragraph.Append(new ProofError { Type = ProofingErrorValues.SpellStart });
            paragraph.Append(new Run(new Text(piece) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }
}
