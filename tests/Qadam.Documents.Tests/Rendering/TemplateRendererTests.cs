using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qadam.Documents.Rendering;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Rendering;

public sealed class TemplateRendererTests
{
    private readonly TemplateRenderer _renderer = new();

    [Fact]
    public void Render_ReplacesPlaceholdersSplitAcrossRuns()
    {
        var template = new TemplateBuilder().Text("Оқушы: {{stu", "dent.full", "Name}}, ", "{{student.grade}} сынып").Build();

        var text = BodyText(_renderer.Render(template, Data("""{"student":{"fullName":"Әлия Қасым","grade":"5 «Ә»"}}"""), DocumentLanguage.Kk));

        Assert.Equal("Оқушы: Әлия Қасым, 5 «Ә» сынып", text);
    }

    [Fact]
    public void Render_FillsContentControlsAndRemovesThem()
    {
        var template = new TemplateBuilder().Field("Мектеп: ", "school.name").BlockField("findings").Build();

        var rendered = _renderer.Render(template, Data("""{"school":{"name":"№ 43 мектеп"},"findings":"бірінші\nекінші"}"""), DocumentLanguage.Kk);

        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Descendants<SdtElement>());
        var paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("Мектеп: № 43 мектеп", paragraphs[0]);
        Assert.Equal("біріншіекінші", paragraphs[1]); // two lines joined by a w:br, which has no inner text
        Assert.Single(body.Elements<Paragraph>().ElementAt(1).Descendants<Break>());
        Assert.DoesNotContain("введите", body.InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Render_RepeatsTableRowOncePerItem_WithInnerTagsRelativeToTheItem(bool wordRepeatingSection)
    {
        var template = new TemplateBuilder()
            .Table("votes", wordRepeatingSection, ["Аты-жөні", "Дауыс"], ["memberName", "{{vote}}"])
            .Build();
        var data = Data("""{"votes":[{"memberName":"Нұрлан","vote":"иә"},{"memberName":"Ғабит","vote":"жоқ"},{"memberName":"Һәдия","vote":"иә"}]}""");

        var rendered = _renderer.Render(template, data, DocumentLanguage.Kk);

        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        var rows = document.MainDocumentPart!.Document.Body!.Descendants<TableRow>()
            .Select(r => string.Join("|", r.Elements<TableCell>().Select(c => c.InnerText))).ToList();
        Assert.Equal(["Аты-жөні|Дауыс", "Нұрлан|иә", "Ғабит|жоқ", "Һәдия|иә"], rows);
        Assert.Empty(document.MainDocumentPart.Document.Body!.Descendants<SdtElement>());
    }

    [Fact]
    public void Render_LeavesOnlyTheHeader_WhenTheListIsEmpty()
    {
        var template = new TemplateBuilder().Table("classes", false, ["Сынып"], ["{{grade}}"]).Build();

        var rendered = _renderer.Render(template, Data("""{"classes":[]}"""), DocumentLanguage.Kk);

        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        Assert.Single(document.MainDocumentPart!.Document.Body!.Descendants<TableRow>());
    }

    [Fact]
    public void Render_RefusesMissingVariables_NamingEachOne()
    {
        var template = new TemplateBuilder().Text("{{student.fullName}} {{student.iin}}").Field("", "order.reason").Build();

        var error = Assert.Throws<DocumentRenderException>(() =>
            _renderer.Render(template, Data("""{"student":{"fullName":"Әлия"}}"""), DocumentLanguage.Ru));

        Assert.Equal(["missing variable 'student.iin'", "missing variable 'order.reason'"], error.Problems);
    }

    [Fact]
    public void Render_WritesNullAsEmpty()
    {
        var template = new TemplateBuilder().Text("[{{note}}]").Build();

        Assert.Equal("[]", BodyText(_renderer.Render(template, Data("""{"note":null}"""), DocumentLanguage.Ru)));
    }

    [Fact]
    public void Render_FormatsDatesForTheDocumentLanguage()
    {
        var template = new TemplateBuilder().Text("{{decision.date}}").Build();
        var data = Data("""{"decision":{"date":"2025-05-02"}}""");

        Assert.Equal("2025 жылғы 2 мамыр", BodyText(_renderer.Render(template, data, DocumentLanguage.Kk)));
        Assert.Equal("2 мая 2025 года", BodyText(_renderer.Render(template, data, DocumentLanguage.Ru)));
    }

    [Fact]
    public void Render_RepeatsNestedSections_AndFillsHeaders()
    {
        var template = DocumentWithHeader(
            "Шығ. № {{document.number}}",
            new SdtBlock(
                new SdtProperties(new Tag { Val = "each:classes" }),
                new SdtContentBlock(
                    new Paragraph(new Run(new Text("Сынып {{grade}}"))),
                    new SdtBlock(
                        new SdtProperties(new Tag { Val = "each:students" }),
                        new SdtContentBlock(new Paragraph(new Run(new Text("— {{full")), new Run(new Text("Name}}"))))))));
        var data = Data("""
            {"document":{"number":"SCH-7"},
             "classes":[{"grade":"1 «А»","students":[{"fullName":"Әлия"},{"fullName":"Ұлан"}]},
                        {"grade":"2 «Ә»","students":[{"fullName":"Іңкәр"}]}]}
            """);

        var rendered = _renderer.Render(template, data, DocumentLanguage.Kk);

        Assert.Equal("Сынып 1 «А»\n— Әлия\n— Ұлан\nСынып 2 «Ә»\n— Іңкәр", BodyText(rendered));
        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        Assert.Equal("Шығ. № SCH-7", document.MainDocumentPart!.HeaderParts.Single().Header.InnerText);
    }

    private static byte[] DocumentWithHeader(string headerText, params OpenXmlElement[] body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(new Paragraph(new Run(new Text(headerText))));
            main.Document = new Document(new Body(body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }))));
        }

        return stream.ToArray();
    }

    private static JsonObject Data(string json) => JsonNode.Parse(json)!.AsObject();

    private static string BodyText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText)).Trim();
    }
}
