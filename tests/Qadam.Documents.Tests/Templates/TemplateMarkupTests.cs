using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Tests.Templates;

/// <summary>
/// Templates written as text (workflows/*/templates) become ordinary DOCX templates: conditions and repeated rows are
/// content controls the renderer and the upload validator read like any Word template's.
/// </summary>
public sealed class TemplateMarkupTests
{
    private const string Notice = """
        // a comment line is not in the document
        ## {{organisationName}}
        # ХАБАРЛАМА
        = {{document.date}} >> № {{document.number}}
        @if refusalReason
        Бас тарту себептері: {{refusalReason}}
        @end
        @if !refusalReason
        Шешім: {{caseStatusLabel.kk}}.[if:orderNumber] Бұйрық № {{orderNumber}}.[/if]
        @end
        @table votes
        | Дауыс | Пікір |
        | [if:vote=yes]жақтады[/if][if:vote=no]қарсы[/if] | [if:comment]{{comment}}[/if] |
        @end
        """;

    private static readonly string[] Known =
        ["organisationName", "refusalReason", "caseStatusLabel.kk", "orderNumber", "votes", "votes.vote", "votes.comment"];

    private static string Render(JsonObject data)
    {
        var rendered = new TemplateRenderer().Render(TemplateMarkup.ToDocx(Notice, DocumentLanguage.Kk), data, DocumentLanguage.Kk);
        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Descendants<SdtElement>());
        return string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
    }

    [Fact]
    public void ToDocx_BuildsATemplateTheValidatorAcceptsAndListsItsVariables()
    {
        var inspection = new TemplateValidator().Inspect(TemplateMarkup.ToDocx(Notice, DocumentLanguage.Kk), Known);

        Assert.Empty(inspection.Problems);
        Assert.Equal(
            ["caseStatusLabel.kk", "document.date", "document.number", "orderNumber", "organisationName", "refusalReason", "votes", "votes.comment",
             "votes.vote"],
            inspection.Variables);
    }

    [Fact]
    public void A_refusal_keeps_the_reasons_and_drops_the_decision_whose_variables_are_absent()
    {
        var text = Render(new JsonObject
        {
            ["organisationName"] = "№ 1 мектеп", ["refusalReason"] = "шетелге кетеді",
            ["document"] = new JsonObject { ["date"] = "2025-09-01", ["number"] = "s1-NOTICE-2025-0001" },
            ["votes"] = new JsonArray(new JsonObject { ["vote"] = "no" }),
        });

        // The tab before the number has no inner text.
        Assert.Equal("№ 1 мектеп\nХАБАРЛАМА\n2025 жылғы 1 қыркүйек№ s1-NOTICE-2025-0001\nБас тарту себептері: шетелге кетеді\nДауыс\nПікір\nқарсы", text);
    }

    [Fact]
    public void A_decision_prints_the_status_the_order_number_and_each_vote_in_words()
    {
        var text = Render(new JsonObject
        {
            ["organisationName"] = "№ 1 мектеп", ["caseStatusLabel"] = new JsonObject { ["kk"] = "Қашықтан оқытуға ауыстырылды" }, ["orderNumber"] = "12-ө",
            ["document"] = new JsonObject { ["date"] = "2025-09-01", ["number"] = "s1-NOTICE-2025-0001" },
            ["votes"] = new JsonArray(new JsonObject { ["vote"] = "yes", ["comment"] = "келісемін" }, new JsonObject { ["vote"] = "no" }),
        });

        Assert.Contains("Шешім: Қашықтан оқытуға ауыстырылды. Бұйрық № 12-ө.", text, StringComparison.Ordinal);
        Assert.Contains("жақтады\nкелісемін\nқарсы", text, StringComparison.Ordinal);
        Assert.DoesNotContain("себептері", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kept_section_still_refuses_a_missing_variable()
    {
        var ex = Assert.Throws<DocumentRenderException>(() => new TemplateRenderer().Render(
            TemplateMarkup.ToDocx("@if refusalReason\n{{refusalLegalBasis}}\n@end", DocumentLanguage.Ru),
            new JsonObject { ["refusalReason"] = "x" }, DocumentLanguage.Ru));

        Assert.Contains("missing variable 'refusalLegalBasis'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_condition_variable_is_refused_at_upload()
    {
        var problems = new TemplateValidator().Validate(TemplateMarkup.ToDocx("= [if:refusalReasn]{{refusalReason}}[/if]", DocumentLanguage.Ru), Known);

        Assert.Equal(["Unknown variable 'refusalReasn' in a condition."], problems.Select(p => p.Message));
    }

    [Theory]
    [InlineData("@if x\ntext")]
    [InlineData("@end")]
    [InlineData("@table votes\n| a |\n@end")]
    [InlineData("= [if:x]never closed")]
    public void ToDocx_RefusesMalformedSources(string source) =>
        Assert.Throws<FormatException>(() => TemplateMarkup.ToDocx(source, DocumentLanguage.Kk));
}
