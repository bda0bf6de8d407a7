using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Qadam.Api.Features.Documents;
using Qadam.Api.Features.Templates;
using Qadam.Documents.Citations;
using Qadam.Documents.Rendering;
using Qadam.Documents.Templates;
using Qadam.Testing;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>
/// Every document of every pathway as a lawyer reads it: each step of each edition in workflows/ that renders a template is
/// rendered in Kazakh and in Russian with the step's own citation (the code path of the render activities), opened by
/// LibreOffice and read back from the PDF. A Kazakh document cites in Kazakh (no «Приказ», «приложение», «п.») and puts its
/// dates in the case the sentence needs; a Russian one cites in Russian. The templates, steps and citations are read from
/// the folders, so a new template or step is covered without touching this test.
/// </summary>
public sealed partial class KazakhDocumentsTests
{
    private static readonly string Root = Path.Combine(WorkflowsApiFactory.RepositoryRoot(), "workflows");

    private static readonly CitationTable Citations = CitationTable.Parse(File.ReadAllText(Path.Combine(Root, "citations.json")));

    // Distinct dates per role, so the text shows which variable took which case.
    private static readonly Dictionary<string, string> DatesByName = new(StringComparer.Ordinal)
    {
        ["from"] = "2025-09-01", ["to"] = "2025-12-13", ["on"] = "2025-05-02",
    };

    private static readonly string[] KazakhMonths =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    [GeneratedRegex(@"(?<![\p{L}])п\.\s*\d")]
    private static partial Regex RussianParagraph();

    [GeneratedRegex(@"\{\{\s*([^{}:]+?)\s*(?::\s*(\w+))?\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^@(?:table|each)\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ListBlock();

    /// <summary>Every (pathway, edition, rendering step) of the folders.</summary>
    public static TheoryData<string, string> Editions()
    {
        var data = new TheoryData<string, string>();
        // Editions that render documents: the distance regime is called by pathways that render them, and renders none itself.
        foreach (var (folder, edition) in EditionFiles()
                     .Where(e => File.ReadAllText(Path.Combine(e.Folder, e.Edition)).Contains("qadam:templateKey", StringComparison.Ordinal)))
        {
            data.Add(Path.GetFileName(folder), edition);
        }

        return data;
    }

    [Fact]
    public void Every_legal_basis_of_every_BPMN_and_manifest_has_its_Kazakh_and_Russian_text()
    {
        var missing = new List<string>();
        foreach (var (folder, edition) in EditionFiles())
        {
            var model = Model(folder, edition);
            foreach (var (id, basis) in model.Nodes.Select(n => (n.Id, n.Extension.LegalBasis)).Append((model.Id, model.LegalBasis)))
            {
                if (basis is not null && Citations.Resolve(basis.Act, basis.Paragraph) is not { } cited)
                {
                    missing.Add($"{Path.GetFileName(folder)}/{edition} {id}: «{basis.Act}» «{basis.Paragraph}»");
                }
                else if (basis is not null)
                {
                    AssertKazakhCitation(Citations.Resolve(basis.Act, basis.Paragraph)!.Kk, $"{Path.GetFileName(folder)}/{edition} {id}");
                }
            }
        }

        foreach (var manifest in Directory.EnumerateFiles(Root, "pathway.json", SearchOption.AllDirectories))
        {
            var json = JsonNode.Parse(File.ReadAllText(manifest))!;
            foreach (var entry in ((json["editions"] as JsonArray) ?? []).Concat((json["tables"] as JsonArray) ?? []))
            {
                var act = entry?["legalBasis"]?["act"]?.GetValue<string>();
                var paragraph = entry?["legalBasis"]?["paragraph"]?.GetValue<string>();
                if (act is not null && Citations.Resolve(act, paragraph) is null)
                {
                    missing.Add($"{manifest}: «{act}» «{paragraph}»");
                }
            }
        }

        Assert.True(missing.Count == 0, "No Kazakh/Russian citation in workflows/citations.json for:\n" + string.Join('\n', missing));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public async Task Every_document_reads_in_its_own_language_with_its_citation_and_its_dates_in_case(string pathway, string edition)
    {
        var folder = Path.Combine(Root, pathway);
        var model = Model(folder, edition);
        var steps = model.Nodes.OfType<ServiceTask>()
            .Where(t => t.Extension.TemplateKey is not null && t.Activity is RenderDocumentActivity.ActivityName or "render-school-orders")
            .OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(steps);

        var rendered = new List<(ServiceTask Step, DocumentLanguage Language, string Source, byte[] Docx)>();
        foreach (var step in steps)
        {
            foreach (var language in PathwayTemplateSources.Languages)
            {
                var path = PathwayTemplateSources.Find(folder, edition, step.Extension.TemplateKey!, language);
                Assert.True(path is not null, $"{pathway}/{edition} {step.Id}: no {language} template {step.Extension.TemplateKey}");
                var source = await File.ReadAllTextAsync(path!);
                var data = DocumentData.ForStep(Variables(source), step.Id, step.Extension, ("№ 1 мектеп-лицей", "Школа-лицей № 1"), language, Citations);
                var docx = new TemplateRenderer().Render(TemplateMarkup.ToDocx(source, language), data, language);
                rendered.Add((step, language, source, docx));
            }
        }

        var texts = await LibreOffice.ToPdfTextsAsync([.. rendered.Select(r => r.Docx)]);
        for (var i = 0; i < rendered.Count; i++)
        {
            var (step, language, source, _) = rendered[i];
            var text = LibreOffice.Normalise(texts[i]);
            var where = $"{pathway}/{edition} {step.Id} ({step.Extension.TemplateKey}.{language.ToCode()})";
            var basis = step.Extension.LegalBasis!;
            var cited = Citations.Resolve(basis.Act, basis.Paragraph)!;
            if (language == DocumentLanguage.Kk)
            {
                AssertKazakhCitation(text, where);
                if (source.Contains("legalBasis.text", StringComparison.Ordinal))
                {
                    DocumentTexts.Contains(text, cited.Kk);
                }

                AssertDatesInCase(text, source, where);
            }
            else
            {
                if (source.Contains("legalBasis.text", StringComparison.Ordinal))
                {
                    DocumentTexts.Contains(text, cited.Ru);
                }

                Assert.False(text.Contains("тармақ", StringComparison.Ordinal) || text.Contains("бұйрығ", StringComparison.Ordinal),
                    $"{where} cites in Kazakh: {text}");
            }
        }
    }

    private static void AssertKazakhCitation(string text, string where)
    {
        Assert.False(text.Contains("Приказ", StringComparison.OrdinalIgnoreCase), $"{where}: «Приказ» in {text}");
        Assert.False(text.Contains("приложени", StringComparison.OrdinalIgnoreCase), $"{where}: «приложение» in {text}");
        Assert.False(RussianParagraph().IsMatch(text), $"{where}: «п.» in {text}");
    }

    // Each date placeholder with a case shows that case; no date stands in the nominative before a word that governs
    // another case (бастап: ablative, дейін: dative, a noun it qualifies: locative-attributive).
    private static void AssertDatesInCase(string text, string source, string where)
    {
        foreach (Match match in Placeholder().Matches(source))
        {
            if (match.Groups[2].Success && DateFor(match.Groups[1].Value) is { } iso
                && KazakhSuffixes.ParseCase(match.Groups[2].Value) is { } form && text.Contains("жылғы", StringComparison.Ordinal))
            {
                var date = DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var expected = LibreOffice.Normalise(ValueFormatter.FormatDate(date, DocumentLanguage.Kk, form));
                // A section the step drops may hold the placeholder: only a date that shows is checked.
                if (text.Contains(LibreOffice.Normalise(ValueFormatter.FormatDate(date, DocumentLanguage.Kk)), StringComparison.Ordinal)
                    || text.Contains(expected, StringComparison.Ordinal))
                {
                    Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{where}: «{expected}» expected in {text}");
                }
            }
        }

        foreach (var month in KazakhMonths)
        {
            var nominativeBeforeGoverningWord = new Regex($@"\d+ {month} (бастап|дейін|өтініш|бұйрығ|хаттама|қорытынды)");
            Assert.False(nominativeBeforeGoverningWord.IsMatch(text), $"{where}: a date in the nominative before a governing word in {text}");
        }
    }

    // The case's variables as every step could have them: each placeholder, condition and list of the template filled.
    private static JsonObject Variables(string source)
    {
        var data = new JsonObject();
        var lists = ListBlock().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            var item = new JsonObject();
            foreach (Match match in Placeholder().Matches(source))
            {
                var name = match.Groups[1].Value;
                if (!name.Contains('.', StringComparison.Ordinal))
                {
                    item[name] = Value(name);
                }
            }

            item["vote"] = "yes";
            Set(data, list, new JsonArray(item, item.DeepClone()));
        }

        foreach (Match match in Placeholder().Matches(source))
        {
            var name = match.Groups[1].Value;
            if (name.StartsWith("legalBasis.", StringComparison.Ordinal) || name.StartsWith("step.", StringComparison.Ordinal)
                || name == "organisationName")
            {
                continue;
            }

            Set(data, name, Value(name));
        }

        foreach (Match match in Regex.Matches(source, @"(?:@if\s+|\[if:)!?([A-Za-z][\w.\-]*)(?:=(\w+))?"))
        {
            var name = match.Groups[1].Value;
            if (!name.StartsWith("step.", StringComparison.Ordinal) && !name.StartsWith("legalBasis.", StringComparison.Ordinal)
                && !Has(data, name))
            {
                Set(data, name, match.Groups[2].Success ? match.Groups[2].Value : "да / иә");
            }
        }

        return data;
    }

    private static JsonNode Value(string name) => DateFor(name) is { } date ? JsonValue.Create(date) : JsonValue.Create($"[{name}]");

    private static string? DateFor(string name)
    {
        var last = name.Split('.')[^1];
        if (last.Equals("number", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (last.EndsWith("From", StringComparison.Ordinal) || last == "from")
        {
            return DatesByName["from"];
        }

        if (last.EndsWith("To", StringComparison.Ordinal) || last == "to" || last.EndsWith("Until", StringComparison.Ordinal))
        {
            return DatesByName["to"];
        }

        return last.EndsWith("Date", StringComparison.Ordinal) || last.EndsWith("On", StringComparison.Ordinal) || last == "date"
            ? DatesByName["on"]
            : null;
    }

    private static bool Has(JsonObject data, string path)
    {
        JsonNode? node = data;
        foreach (var segment in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out node))
            {
                return false;
            }
        }

        return true;
    }

    private static void Set(JsonObject data, string path, JsonNode value)
    {
        var segments = path.Split('.');
        var node = data;
        foreach (var segment in segments[..^1])
        {
            if (node[segment] is not JsonObject next)
            {
                next = [];
                node[segment] = next;
            }

            node = next;
        }

        node[segments[^1]] ??= value;
    }

    private static IEnumerable<(string Folder, string Edition)> EditionFiles() =>
        Directory.EnumerateFiles(Root, "pathway.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .SelectMany(manifest => Directory.EnumerateFiles(Path.GetDirectoryName(manifest)!, "*.bpmn").Order(StringComparer.Ordinal)
                .Select(bpmn => (Path.GetDirectoryName(manifest)!, Path.GetFileName(bpmn))));

    private static ProcessModel Model(string folder, string edition)
    {
        var parsed = BpmnParser.Parse(File.ReadAllText(Path.Combine(folder, edition)));
        return parsed.Model ?? throw new InvalidOperationException(
            $"{folder}/{edition}: {string.Join("; ", parsed.Problems.Select(p => p.Message))}");
    }
}
