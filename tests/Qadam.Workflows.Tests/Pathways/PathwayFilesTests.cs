using System.Text.Json.Nodes;
using Qadam.Workflows.Definitions;
using Qadam.Workflows.Definitions.Model;
using Qadam.Workflows.Tables;

namespace Qadam.Workflows.Tests.Pathways;

/// <summary>
/// Every file of workflows/ is what the engine accepts: each BPMN edition parses and validates against a
/// catalog of the folder's forms and tables and the API's activities and templates; each table parses;
/// each form key has a bilingual form; every step a person sees has both labels and every task and
/// decision its legal basis.
/// </summary>
public sealed class PathwayFilesTests
{
    public static TheoryData<string, string> Editions()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Pathway.Names)
        {
            foreach (var edition in Pathway.Load(name).Manifest.Editions)
            {
                data.Add(name, edition.File);
            }
        }

        return data;
    }

    public static TheoryData<string, string> Tables()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Pathway.Names)
        {
            foreach (var table in Pathway.Load(name).Manifest.Tables)
            {
                data.Add(name, table.File);
            }
        }

        return data;
    }

    public static TheoryData<string> Names() => [.. Pathway.Names];

    [Fact]
    public void The_folder_holds_the_pathways_of_the_orders()
    {
        Assert.Equal(
            ["calendar", "competition", "distance-regime", "emergency-transfer", "limits", "medical-commission", "parent-application",
             "tvet-online", "university-distance", "university-emergency", "university-online", "weather"],
            Pathway.Names);
        Assert.Equal(2, Pathway.Load("parent-application").Manifest.Editions.Count);
    }

    [Fact]
    public void Every_BPMN_and_table_file_is_listed_in_a_manifest()
    {
        var listed = Pathway.Names.Select(Pathway.Load)
            .SelectMany(p => p.Manifest.Editions.Select(e => e.File).Concat(p.Manifest.Tables.Select(t => t.File))
                .Select(f => Path.GetFullPath(Path.Combine(p.Folder, f))))
            .ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(Pathway.WorkflowsFolder, "*.bpmn", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Pathway.WorkflowsFolder, "*.table.json", SearchOption.AllDirectories));

        Assert.All(files, f => Assert.Contains(Path.GetFullPath(f), listed));
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Each_edition_parses_and_validates_against_its_folder(string pathway, string file)
    {
        var folder = Pathway.Load(pathway);
        var result = BpmnParser.Parse(folder.Read(file), folder.Catalog);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems.Select(p => $"{file}: {p.ElementId}: {p.Message}")));
        Assert.Equal(folder.Manifest.Key, result.Model!.Id);
        Assert.NotNull(result.Model.LegalBasis);
    }

    [Theory]
    [MemberData(nameof(Editions))]
    public void Every_step_carries_labels_in_both_languages_and_every_task_and_decision_its_legal_basis(string pathway, string file)
    {
        var model = BpmnParser.Parse(Pathway.Load(pathway).Read(file)).Model!;
        var missing = new List<string>();
        foreach (var node in model.Nodes)
        {
            if ((string.IsNullOrWhiteSpace(node.Extension.LabelKk) || string.IsNullOrWhiteSpace(node.Extension.LabelRu)))
            {
                missing.Add($"{node.Id}: labels");
            }

            var decides = node is UserTask or ServiceTask or BusinessRuleTask
                          || (node is ExclusiveGateway or InclusiveGateway && node.Outgoing.Count > 1);
            if (decides && node.Extension.LegalBasis is null)
            {
                missing.Add($"{node.Id}: legal basis");
            }

            if (node is UserTask && string.IsNullOrWhiteSpace(node.Extension.FormKey))
            {
                missing.Add($"{node.Id}: form");
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Each_table_parses_and_every_row_cites_its_paragraph(string pathway, string file)
    {
        var (table, problems) = ConditionTable.Parse(Pathway.Load(pathway).Read(file));

        Assert.Empty(problems);
        Assert.All(table!.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.LegalBasis)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_form_key_has_a_form_with_labels_in_Kazakh_and_Russian(string pathway)
    {
        var folder = Pathway.Load(pathway);
        var used = folder.Manifest.Editions
            .SelectMany(e => BpmnParser.Parse(folder.Read(e.File)).Model!.Nodes)
            .Select(n => n.Extension.FormKey).OfType<string>().ToHashSet(StringComparer.Ordinal);

        Assert.Empty(used.Except(folder.FormKeys));
        foreach (var key in folder.FormKeys)
        {
            var form = JsonNode.Parse(folder.Read(Path.Combine("forms", key + ".form.json")))!;
            Assert.Equal("default", form["type"]!.GetValue<string>());
            foreach (var component in form["components"]!.AsArray().Select(c => c!))
            {
                var label = (component["label"] ?? component["dateLabel"] ?? component["text"])!.GetValue<string>();
                Assert.True(label.Contains(" / ", StringComparison.Ordinal) || label.Contains("\n\n", StringComparison.Ordinal),
                    $"{key}: '{label}' is not labelled in both languages");
            }
        }
    }
}
