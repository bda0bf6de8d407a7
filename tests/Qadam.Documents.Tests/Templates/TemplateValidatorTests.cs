using System.IO.Compression;
using DocumentFormat.OpenXml.Office2013.Word;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qadam.Documents.Templates;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Templates;

public sealed class TemplateValidatorTests
{
    private readonly TemplateValidator _validator = new();

    [Fact]
    public void Validate_AcceptsEverySampleTemplate_AgainstItsVariables()
    {
        foreach (var sample in SampleDocuments.All())
        {
            Assert.Empty(_validator.Validate(sample.Template, sample.KnownVariables));
        }
    }

    [Fact]
    public void Validate_ListsUnknownTagsAndPlaceholders_IncludingItemFields()
    {
        var template = new TemplateBuilder()
            .Field("", "student.fulName")
            .Text("{{stu", "dent.iin}} {{parent.name}}")
            .Table("votes", true, ["a", "b"], ["memberName", "{{voet}}"])
            .Build();

        var problems = _validator.Validate(template, ["student.fullName", "student.iin", "votes", "votes.memberName", "votes.vote"]);

        Assert.Equal(
            ["Unknown variable 'student.fulName'.", "Unknown variable 'parent.name'.", "Unknown variable 'votes.voet'."],
            problems.Select(p => p.Message));
        Assert.Contains(problems, p => p.Location == "word/document.xml: tag 'student.fulName'");
    }

    [Fact]
    public void Validate_RefusesFilesThatAreNotDocx()
    {
        var problems = _validator.Validate("%PDF-1.7 not a word file"u8.ToArray(), []);

        var problem = Assert.Single(problems);
        Assert.Equal("file", problem.Location);
        Assert.StartsWith("The file is not a readable DOCX", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RefusesAZipThatIsNotAWordDocument()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            entry.Write("сәлем");
        }

        Assert.Equal("file", Assert.Single(_validator.Validate(stream.ToArray(), [])).Location);
    }

    [Fact]
    public void Validate_RefusesUnbalancedRepeatingSectionsAndBraces()
    {
        var template = Edit(new TemplateBuilder().Text("{{student.fullName").Build(), body =>
        {
            // A repeating section that closes without an item, and an item standing alone.
            body.Append(new SdtBlock(
                new SdtProperties(new Tag { Val = "votes" }, new SdtRepeatedSection()),
                new SdtContentBlock(new Paragraph(new Run(new Text("no item"))))));
            body.Append(new SdtBlock(
                new SdtProperties(new SdtRepeatedSectionItem()),
                new SdtContentBlock(new Paragraph(new Run(new Text("stray item"))))));
        });

        var messages = _validator.Validate(template, ["student.fullName", "votes"]).Select(p => p.Message).ToList();

        Assert.Equal(3, messages.Count);
        Assert.Contains("Unbalanced placeholder braces: every '{{' needs a matching '}}'.", messages);
        Assert.Contains("The repeating section has no repeating section item: the section is not closed around an item.", messages);
        Assert.Contains("A repeating section item stands outside a repeating section; wrap the rows in one repeating section.", messages);
    }

    private static byte[] Edit(byte[] docx, Action<Body> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            edit(document.MainDocumentPart!.Document.Body!);
            document.MainDocumentPart.Document.Save();
        }

        return stream.ToArray();
    }
}
