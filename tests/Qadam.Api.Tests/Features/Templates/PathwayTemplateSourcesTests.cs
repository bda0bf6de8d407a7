using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using Qadam.Api.Features.Templates;
using Qadam.Api.Tests.Features.EndToEnd;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;

namespace Qadam.Api.Tests.Features.Templates;

/// <summary>
/// The per-school orders of the regional pathways render from the order and the school alone, before the head's form
/// is filled and without the render step's additions (the step that renders them comes with mass-transfer), and carry
/// the head's form and the legal basis once they are there.
/// </summary>
public sealed class PathwayTemplateSourcesTests
{
    private static readonly string Workflows = Path.Combine(WorkflowsApiFactory.RepositoryRoot(), "workflows");

    private static string Render(string pathway, string key, DocumentLanguage language, JsonObject data)
    {
        var source = PathwayTemplateSources.Find(Path.Combine(Workflows, pathway), "2025.bpmn", key, language)
                     ?? throw new InvalidOperationException($"{pathway} has no {key} source");
        var rendered = new TemplateRenderer().Render(TemplateMarkup.ToDocx(File.ReadAllText(source), language), data, language);
        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }

    private static JsonObject Document() => new() { ["number"] = "s1-ORDER-2026-0007", ["date"] = "2026-11-24" };

    [Theory]
    [InlineData(DocumentLanguage.Kk)]
    [InlineData(DocumentLanguage.Ru)]
    public void The_emergency_order_of_a_school_renders_from_the_regional_order_and_adds_the_heads_form_when_filled(DocumentLanguage language)
    {
        var data = new JsonObject
        {
            ["order"] = new JsonObject
            {
                ["id"] = "o1", ["issuingBody"] = "r1", ["issuerKk"] = "Астана қаласының білім басқармасы",
                ["issuerRu"] = "Управление образования города Астаны", ["number"] = "112", ["date"] = "2026-11-23",
                ["ground"] = "карантин", ["territory"] = "r1",
            },
            ["period"] = new JsonObject { ["from"] = "2026-11-25", ["to"] = "2026-12-05" },
            ["school"] = new JsonObject { ["organisation"] = "s1", ["nameKk"] = "№ 1 мектеп-лицей", ["nameRu"] = "Школа-лицей № 1", ["students"] = 640 },
            ["organisationName"] = language == DocumentLanguage.Kk ? "№ 1 мектеп-лицей" : "Школа-лицей № 1",
            ["document"] = Document(),
        };

        var bare = Render("emergency-transfer", "emergency-order-school", language, data);
        data["modeOfWork"] = "08:30–14:00, онлайн";
        data["legalBasis"] = new JsonObject
        {
            ["act"] = "Приказ № 349", ["edition"] = "2025", ["paragraph"] = "п. 22",
            ["text"] = language == DocumentLanguage.Kk ? "№ 349 бұйрық, 22-тармақ" : "Приказ № 349, п. 22",
        };
        var filled = Render("emergency-transfer", "emergency-order-school", language, data);

        // The issuing department in the document's language (order 103 para 22), never the other language's name.
        Assert.Contains(language == DocumentLanguage.Kk ? "Астана қаласының білім басқармасы" : "Управление образования города Астаны", bare,
            StringComparison.Ordinal);
        Assert.DoesNotContain(language == DocumentLanguage.Kk ? "Управление образования" : "білім басқармасы", bare, StringComparison.Ordinal);
        Assert.Contains(language == DocumentLanguage.Kk ? "№ 1 мектеп-лицей" : "Школа-лицей № 1", bare, StringComparison.Ordinal);
        Assert.Contains(language == DocumentLanguage.Kk ? "2026 жылғы 5 желтоқсан" : "5 декабря 2026 года", bare, StringComparison.Ordinal);
        Assert.DoesNotContain("Приказ № 349", bare, StringComparison.Ordinal);
        Assert.Contains("08:30–14:00, онлайн", filled, StringComparison.Ordinal);
        Assert.Contains(language == DocumentLanguage.Kk ? "№ 349 бұйрық, 22-тармақ" : "Приказ № 349, п. 22", filled, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DocumentLanguage.Kk)]
    [InlineData(DocumentLanguage.Ru)]
    public void The_weather_order_of_a_school_names_the_day_the_indicators_and_the_shift(DocumentLanguage language)
    {
        var text = Render("weather", "weather-order", language, new JsonObject
        {
            ["forDate"] = "2026-12-02", ["shiftGroup"] = "first", ["temperature"] = -31, ["windSpeed"] = 6, ["blizzard"] = false,
            ["remote"] = new JsonObject { ["labelKk"] = "0-11 сыныптар", ["labelRu"] = "0-11 классы" },
            ["school"] = new JsonObject { ["organisation"] = "s1", ["nameKk"] = "№ 1 мектеп-лицей", ["nameRu"] = "Школа-лицей № 1", ["students"] = 0 },
            ["organisationName"] = language == DocumentLanguage.Kk ? "№ 1 мектеп-лицей" : "Школа-лицей № 1",
            ["document"] = Document(),
        });

        Assert.Contains(language == DocumentLanguage.Kk ? "№ 1 мектеп-лицей" : "Школа-лицей № 1", text, StringComparison.Ordinal);
        Assert.Contains("-31", text, StringComparison.Ordinal);
        Assert.Contains(language == DocumentLanguage.Kk ? "бірінші ауысым үшін" : "для первой смены", text, StringComparison.Ordinal);
        Assert.Contains(language == DocumentLanguage.Kk ? "0-11 сыныптар" : "0-11 классы", text, StringComparison.Ordinal);
    }
}
