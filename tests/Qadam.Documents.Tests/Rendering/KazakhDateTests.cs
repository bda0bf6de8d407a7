using System.Text.Json.Nodes;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Documents.Tests.Rendering;

/// <summary>
/// Kazakh dates in the case the sentence needs. The rule, from the orders' Kazakh texts: in «2023 жылғы 27 қарашадағы № 349
/// бұйрығы», «2025 жылғы 2 мамырда … тіркелді» the ending goes on the month; a numeral alone takes it after a hyphen by its
/// last word as spoken («2025» … «бес» → «2025-тен»).
/// </summary>
public sealed class KazakhDateTests
{
    [Theory]
    //          month, nominative,  ablative,        dative,          locative,       locative-attributive
    [InlineData(1, "қаңтар", "қаңтардан", "қаңтарға", "қаңтарда", "қаңтардағы")]
    [InlineData(2, "ақпан", "ақпаннан", "ақпанға", "ақпанда", "ақпандағы")]
    [InlineData(3, "наурыз", "наурыздан", "наурызға", "наурызда", "наурыздағы")]
    [InlineData(4, "сәуір", "сәуірден", "сәуірге", "сәуірде", "сәуірдегі")]
    [InlineData(5, "мамыр", "мамырдан", "мамырға", "мамырда", "мамырдағы")]
    [InlineData(6, "маусым", "маусымнан", "маусымға", "маусымда", "маусымдағы")]
    [InlineData(7, "шілде", "шілдеден", "шілдеге", "шілдеде", "шілдедегі")]
    [InlineData(8, "тамыз", "тамыздан", "тамызға", "тамызда", "тамыздағы")]
    [InlineData(9, "қыркүйек", "қыркүйектен", "қыркүйекке", "қыркүйекте", "қыркүйектегі")]
    [InlineData(10, "қазан", "қазаннан", "қазанға", "қазанда", "қазандағы")]
    [InlineData(11, "қараша", "қарашадан", "қарашаға", "қарашада", "қарашадағы")]
    [InlineData(12, "желтоқсан", "желтоқсаннан", "желтоқсанға", "желтоқсанда", "желтоқсандағы")]
    public void Every_month_takes_each_case_by_its_vowels_and_final_sound(
        int month, string nominative, string ablative, string dative, string locative, string attributive)
    {
        foreach (var day in (int[])[1, 2, 13, 28])
        {
            var date = new DateOnly(2025, month, day);
            string Kk(KazakhCase form) => ValueFormatter.FormatDate(date, DocumentLanguage.Kk, form);
            Assert.Equal($"2025 жылғы {day} {nominative}", Kk(KazakhCase.Nominative));
            Assert.Equal($"2025 жылғы {day} {ablative}", Kk(KazakhCase.Ablative));
            Assert.Equal($"2025 жылғы {day} {dative}", Kk(KazakhCase.Dative));
            Assert.Equal($"2025 жылғы {day} {locative}", Kk(KazakhCase.Locative));
            Assert.Equal($"2025 жылғы {day} {attributive}", Kk(KazakhCase.LocativeAttributive));
        }
    }

    [Fact]
    public void The_examples_of_the_orders_and_of_the_legal_review_read_as_written()
    {
        Assert.Equal("2025 жылғы 1 қыркүйектен", ValueFormatter.FormatDate(new DateOnly(2025, 9, 1), DocumentLanguage.Kk, KazakhCase.Ablative));
        Assert.Equal("2025 жылғы 13 желтоқсанға", ValueFormatter.FormatDate(new DateOnly(2025, 12, 13), DocumentLanguage.Kk, KazakhCase.Dative));
        Assert.Equal("2025 жылғы 2 мамырдағы", ValueFormatter.FormatDate(new DateOnly(2025, 5, 2), DocumentLanguage.Kk, KazakhCase.LocativeAttributive));
        Assert.Equal("2023 жылғы 27 қарашадағы", ValueFormatter.FormatDate(new DateOnly(2023, 11, 27), DocumentLanguage.Kk, KazakhCase.LocativeAttributive));
        Assert.Equal("2025 жылғы 2 мамырда", ValueFormatter.FormatDate(new DateOnly(2025, 5, 2), DocumentLanguage.Kk, KazakhCase.Locative));
        Assert.Equal("2020 жылғы 30 қазандағы", ValueFormatter.FormatDate(new DateOnly(2020, 10, 30), DocumentLanguage.Kk, KazakhCase.LocativeAttributive));
        // Russian dates have one form: the case is Kazakh only.
        Assert.Equal("1 сентября 2025 года", ValueFormatter.FormatDate(new DateOnly(2025, 9, 1), DocumentLanguage.Ru, KazakhCase.Ablative));
    }

    [Theory]
    // number, ablative, dative, locative-attributive: by the last word spoken (бір, екі, үш, төрт, бес, алты, жеті, сегіз, тоғыз, он, жиырма, отыз)
    [InlineData(1, "1-ден", "1-ге", "1-дегі")]
    [InlineData(2, "2-ден", "2-ге", "2-дегі")]
    [InlineData(3, "3-тен", "3-ке", "3-тегі")]
    [InlineData(4, "4-тен", "4-ке", "4-тегі")]
    [InlineData(5, "5-тен", "5-ке", "5-тегі")]
    [InlineData(6, "6-дан", "6-ға", "6-дағы")]
    [InlineData(7, "7-ден", "7-ге", "7-дегі")]
    [InlineData(8, "8-ден", "8-ге", "8-дегі")]
    [InlineData(9, "9-дан", "9-ға", "9-дағы")]
    [InlineData(10, "10-нан", "10-ға", "10-дағы")]
    [InlineData(11, "11-ден", "11-ге", "11-дегі")]
    [InlineData(12, "12-ден", "12-ге", "12-дегі")]
    [InlineData(13, "13-тен", "13-ке", "13-тегі")]
    [InlineData(14, "14-тен", "14-ке", "14-тегі")]
    [InlineData(15, "15-тен", "15-ке", "15-тегі")]
    [InlineData(16, "16-дан", "16-ға", "16-дағы")]
    [InlineData(17, "17-ден", "17-ге", "17-дегі")]
    [InlineData(18, "18-ден", "18-ге", "18-дегі")]
    [InlineData(19, "19-дан", "19-ға", "19-дағы")]
    [InlineData(20, "20-дан", "20-ға", "20-дағы")]
    [InlineData(21, "21-ден", "21-ге", "21-дегі")]
    [InlineData(22, "22-ден", "22-ге", "22-дегі")]
    [InlineData(23, "23-тен", "23-ке", "23-тегі")]
    [InlineData(24, "24-тен", "24-ке", "24-тегі")]
    [InlineData(25, "25-тен", "25-ке", "25-тегі")]
    [InlineData(26, "26-дан", "26-ға", "26-дағы")]
    [InlineData(27, "27-ден", "27-ге", "27-дегі")]
    [InlineData(28, "28-ден", "28-ге", "28-дегі")]
    [InlineData(29, "29-дан", "29-ға", "29-дағы")]
    [InlineData(30, "30-дан", "30-ға", "30-дағы")]
    [InlineData(31, "31-ден", "31-ге", "31-дегі")]
    [InlineData(2000, "2000-нан", "2000-ға", "2000-дағы")]
    [InlineData(2020, "2020-дан", "2020-ға", "2020-дағы")]
    [InlineData(2023, "2023-тен", "2023-ке", "2023-тегі")]
    [InlineData(2024, "2024-тен", "2024-ке", "2024-тегі")]
    [InlineData(2025, "2025-тен", "2025-ке", "2025-тегі")]
    [InlineData(2026, "2026-дан", "2026-ға", "2026-дағы")]
    [InlineData(2030, "2030-дан", "2030-ға", "2030-дағы")]
    [InlineData(2100, "2100-ден", "2100-ге", "2100-дегі")]
    public void A_numeral_takes_the_ending_of_its_last_spoken_word(long number, string ablative, string dative, string attributive)
    {
        Assert.Equal(ablative, KazakhSuffixes.AttachToNumber(number, KazakhCase.Ablative));
        Assert.Equal(dative, KazakhSuffixes.AttachToNumber(number, KazakhCase.Dative));
        Assert.Equal(attributive, KazakhSuffixes.AttachToNumber(number, KazakhCase.LocativeAttributive));
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), KazakhSuffixes.AttachToNumber(number, KazakhCase.Nominative));
    }

    [Fact]
    public void A_template_chooses_the_case_after_a_colon_and_Russian_ignores_it()
    {
        const string source = "{{periodFrom:abl}} бастап {{periodTo:dat}} дейін, {{filedOn:attr}} өтінішіңіз, {{forDate:loc}}, {{filedOn}}";
        var data = new JsonObject { ["periodFrom"] = "2025-09-01", ["periodTo"] = "2025-12-13", ["filedOn"] = "2025-05-02", ["forDate"] = "2026-01-15" };

        var kk = Text(new TemplateRenderer().Render(TemplateMarkup.ToDocx(source, DocumentLanguage.Kk), data, DocumentLanguage.Kk));
        var ru = Text(new TemplateRenderer().Render(TemplateMarkup.ToDocx(source, DocumentLanguage.Ru), data, DocumentLanguage.Ru));

        Assert.Equal("2025 жылғы 1 қыркүйектен бастап 2025 жылғы 13 желтоқсанға дейін, 2025 жылғы 2 мамырдағы өтінішіңіз, "
                     + "2026 жылғы 15 қаңтарда, 2025 жылғы 2 мамыр", kk);
        Assert.StartsWith("1 сентября 2025 года бастап 13 декабря 2025 года", ru, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_case_is_refused_at_upload_and_at_rendering()
    {
        var docx = TemplateMarkup.ToDocx("{{periodFrom:gen}}", DocumentLanguage.Kk);

        var problems = new TemplateValidator().Validate(docx, ["periodFrom"]);
        Assert.Contains(problems, p => p.Message.Contains("abl", StringComparison.Ordinal));
        Assert.Empty(new TemplateValidator().Validate(TemplateMarkup.ToDocx("{{periodFrom:abl}}", DocumentLanguage.Kk), ["periodFrom"]));
        var error = Assert.Throws<DocumentRenderException>(() =>
            new TemplateRenderer().Render(docx, new JsonObject { ["periodFrom"] = "2025-09-01" }, DocumentLanguage.Kk));
        Assert.Contains("periodFrom:gen", error.Message, StringComparison.Ordinal);
    }

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).Where(t => t.Length > 0));
    }
}
