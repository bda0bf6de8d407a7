using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Qadam.Workflows.Tests.Definitions;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// docs/pathways.md maps each act, edition and paragraph to the files and BPMN elements of <c>workflows/</c> that carry
/// it out. Its last section is made from the folders themselves (the manifests' editions and tables, every element's
/// <c>qadam:legalBasis</c>, the readiness editions), so a citation changed in a BPMN file without the map, or the
/// other way round, fails here with the section as it should read.
/// </summary>
public sealed class PathwayLegalMapTests
{
    private const string Marker = "<!-- Generated from workflows/ by PathwayLegalMapTests; edit the BPMN, then paste. -->";

    private static readonly XNamespace Qadam = "http://qadam.kz/schema/bpmn";

    [Fact]
    public void The_legal_map_in_docs_matches_the_citations_of_the_workflows_folder()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "pathways.md")).ReplaceLineEndings("\n");
        var start = document.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/pathways.md has no line '{Marker}' before its generated section.");

        var expected = Generate();
        var actual = document[(start + Marker.Length)..].Trim('\n') + "\n";
        if (actual != expected)
        {
            var written = Path.Combine(Path.GetTempPath(), "qadam-pathways-map.md");
            File.WriteAllText(written, expected);
            Assert.Fail($"docs/pathways.md's generated section is out of date; the section as it should read is in {written}.");
        }
    }

    private static string Generate()
    {
        var root = Path.Combine(RepositoryFiles.Root, "workflows");
        var text = new StringBuilder();
        foreach (var manifest in Directory.GetFiles(root, "pathway.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(manifest)!;
            var pathway = JsonNode.Parse(File.ReadAllText(manifest))!;
            text.Append($"\n### `{Path.GetFileName(folder)}`: {pathway["nameRu"]}\n\n{pathway["nameKk"]}\n");

            var editions = pathway["editions"]?.AsArray() ?? [];
            if (editions.Count > 0)
            {
                text.Append("\n| edition file | in force from | act | edition | paragraphs |\n|---|---|---|---|---|\n");
                foreach (var edition in editions)
                {
                    var basis = edition!["legalBasis"]!;
                    text.Append($"| `{Relative(Path.Combine(folder, (string)edition["file"]!))}` | {edition["effectiveFrom"]} | ")
                        .Append($"{Cell(basis["act"])} | {Cell(basis["edition"])} | {Cell(basis["paragraph"])} |\n");
                }
            }

            var tables = pathway["tables"]?.AsArray() ?? [];
            if (tables.Count > 0)
            {
                text.Append("\n| condition table | file | in force from | act | paragraphs |\n|---|---|---|---|---|\n");
                foreach (var table in tables)
                {
                    var basis = table!["legalBasis"]!;
                    var file = Relative(Path.Combine(folder, (string)table["file"]!));
                    text.Append($"| `{table["key"]}` | `{file}` | {table["effectiveFrom"]} | ")
                        .Append($"{Cell(basis["act"])} | {Cell(basis["paragraph"])} |\n");
                }
            }

            foreach (var edition in editions)
            {
                var file = Path.Combine(folder, (string)edition!["file"]!);
                text.Append($"\n`{Relative(file)}`, steps by the paragraph they cite:\n\n| paragraph | BPMN elements |\n|---|---|\n");
                foreach (var (paragraph, ids) in StepsByParagraph(file))
                {
                    text.Append($"| {Cell(paragraph)} | {string.Join(", ", ids.Select(id => $"`{id}`"))} |\n");
                }
            }
        }

        var readiness = Directory.Exists(Path.Combine(root, "readiness"))
            ? Directory.GetFiles(Path.Combine(root, "readiness"), "*.json").Order(StringComparer.Ordinal).ToList()
            : [];
        if (readiness.Count > 0)
        {
            text.Append("\n### `readiness`: requirements to organisations (data read by the API, no BPMN)\n");
            foreach (var file in readiness)
            {
                var edition = JsonNode.Parse(File.ReadAllText(file))!;
                text.Append($"\n`{Relative(file)}`: {Cell(edition["act"])}, edition {edition["edition"]}, ")
                    .Append($"{Cell(edition["paragraph"])}, in force from {edition["effectiveFrom"]}\n\n")
                    .Append("| paragraph | requirements |\n|---|---|\n");
                foreach (var group in (edition["items"]?.AsArray() ?? []).GroupBy(i => (string)i!["paragraph"]!, StringComparer.Ordinal))
                {
                    text.Append($"| {Cell(group.Key)} | {string.Join(", ", group.Select(i => $"`{i!["key"]}`"))} |\n");
                }
            }
        }

        return text.ToString().TrimStart('\n');
    }

    /// <summary>The element ids of a BPMN file grouped by the paragraph their <c>qadam:legalBasis</c> cites, in file order.</summary>
    private static IEnumerable<(string Paragraph, List<string> Ids)> StepsByParagraph(string file)
    {
        var groups = new List<(string Paragraph, List<string> Ids)>();
        foreach (var basis in XDocument.Load(file).Descendants(Qadam + "legalBasis"))
        {
            var element = basis.Ancestors().First(a => a.Name.LocalName != "extensionElements");
            var paragraph = (string?)basis.Attribute("paragraph") ?? string.Empty;
            var id = (string?)element.Attribute("id") ?? element.Name.LocalName;
            var index = groups.FindIndex(g => g.Paragraph == paragraph);
            if (index < 0)
            {
                groups.Add((paragraph, [id]));
            }
            else if (!groups[index].Ids.Contains(id))
            {
                groups[index].Ids.Add(id);
            }
        }

        return groups;
    }

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');

    private static string Cell(JsonNode? value) => Cell((string?)value);

    private static string Cell(string? value) =>
        (value ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
